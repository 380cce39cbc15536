package jp.renkei.ingest.standard;

import static jp.renkei.ingest.standard.FieldSpec.field;
import static jp.renkei.ingest.standard.FieldType.DATE;

import java.time.LocalDate;

/**
 * 介護予防サービス・支援計画書 削除 (DLTYOBO, V4): deletes the plan of that 計画作成(変更)日 (and, by inference, its 別表).
 * Components are the layout's fields in order (4 fields); see docs/standard-layouts.md.
 */
public record PreventionPlanDeleteRecord(
        CsvVersion csvVersion,
        String insurerNumber,
        String insuredPersonNumber,
        LocalDate planChangedOn) implements StandardRecord {

    static final Layout LAYOUT = Layout.of(FileKind.DLTYOBO,
            FieldSpec.version(),
            FieldSpec.insurer(),
            FieldSpec.insured(),
            field("計画作成(変更)日", DATE).required());
}
