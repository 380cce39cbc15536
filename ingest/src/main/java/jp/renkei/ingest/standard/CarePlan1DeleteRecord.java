package jp.renkei.ingest.standard;

import static jp.renkei.ingest.standard.FieldSpec.field;
import static jp.renkei.ingest.standard.FieldType.DATE;

import java.time.LocalDate;

/**
 * 1表_削除 (DLT1KYO): deletes the 1表 of that 作成(変更)日; its 2表 and 3表 go with it.
 * Components are the layout's fields in order (4 fields); see docs/standard-layouts.md.
 */
public record CarePlan1DeleteRecord(
        CsvVersion csvVersion,
        String insurerNumber,
        String insuredPersonNumber,
        LocalDate planChangedOn) implements StandardRecord {

    static final Layout LAYOUT = Layout.of(FileKind.DLT1KYO,
            FieldSpec.version(),
            FieldSpec.insurer(),
            FieldSpec.insured(),
            field("居宅サービス計画作成(変更)日", DATE).required());
}
