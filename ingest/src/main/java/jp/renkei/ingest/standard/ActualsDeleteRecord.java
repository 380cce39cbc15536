package jp.renkei.ingest.standard;

import static jp.renkei.ingest.standard.FieldSpec.field;
import static jp.renkei.ingest.standard.FieldType.MONTH;
import static jp.renkei.ingest.standard.FieldType.OFFICE;
import static jp.renkei.ingest.standard.FieldType.SERVICE_TYPE;

import java.time.YearMonth;

/**
 * 実績 削除 (DLTJSK): deletes one office's actuals of one service type for a person's month.
 * Components are the layout's fields in order (6 fields); see docs/standard-layouts.md.
 */
public record ActualsDeleteRecord(
        CsvVersion csvVersion,
        String insurerNumber,
        String insuredPersonNumber,
        YearMonth deletedMonth,
        String serviceOfficeNumber,
        String serviceType) implements StandardRecord {

    static final Layout LAYOUT = Layout.of(FileKind.DLTJSK,
            FieldSpec.version(),
            FieldSpec.insurer(),
            FieldSpec.insured(),
            field("削除対象年月", MONTH).required().nameMonth(),
            field("サービス事業者コード", OFFICE).required(),
            field("サービス種類コード", SERVICE_TYPE).required());
}
