package jp.renkei.ingest.standard;

import static jp.renkei.ingest.standard.FieldSpec.field;
import static jp.renkei.ingest.standard.FieldType.MONTH;

import java.time.YearMonth;

/**
 * 第6表 予定 削除 (DLTPLAN): deletes a person's plan for the month; the 7表 goes with it.
 * Components are the layout's fields in order (4 fields); see docs/standard-layouts.md.
 */
public record ScheduleDeleteRecord(
        CsvVersion csvVersion,
        String insurerNumber,
        String insuredPersonNumber,
        YearMonth deletedMonth) implements StandardRecord {

    static final Layout LAYOUT = Layout.of(FileKind.DLTPLAN,
            FieldSpec.version(),
            FieldSpec.insurer(),
            FieldSpec.insured(),
            field("削除対象年月", MONTH).required().nameMonth());
}
