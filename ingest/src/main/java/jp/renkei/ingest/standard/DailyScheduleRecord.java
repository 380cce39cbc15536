package jp.renkei.ingest.standard;

import static jp.renkei.ingest.standard.FieldSpec.field;
import static jp.renkei.ingest.standard.FieldType.DATE;
import static jp.renkei.ingest.standard.FieldType.TEXT;

import java.time.LocalDate;

/**
 * 利用者基本情報 別表1 1日の生活・すごし方 (UPKIHON_SUB1, V4): one time slot of the day.
 * Components are the layout's fields in order (7 fields); see docs/standard-layouts.md.
 */
public record DailyScheduleRecord(
        CsvVersion csvVersion,
        String insurerNumber,
        String insuredPersonNumber,
        LocalDate consultedOn,
        String time,
        String userLife,
        String carerLife) implements StandardRecord {

    static final Layout LAYOUT = Layout.of(FileKind.UPKIHON_SUB1,
            FieldSpec.version(),
            FieldSpec.insurer(),
            FieldSpec.insured(),
            field("相談日", DATE).required(),
            field("時間", TEXT),
            field("本人の生活状況", TEXT),
            field("介護者・家族の生活状況", TEXT));
}
