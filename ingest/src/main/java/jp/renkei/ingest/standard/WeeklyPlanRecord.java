package jp.renkei.ingest.standard;

import static jp.renkei.ingest.standard.FieldSpec.code;
import static jp.renkei.ingest.standard.FieldSpec.field;
import static jp.renkei.ingest.standard.FieldType.DATE;
import static jp.renkei.ingest.standard.FieldType.TEXT;
import static jp.renkei.ingest.standard.FieldType.TIME;

import java.time.LocalDate;

/**
 * 週間サービス計画表 — 第3表 (UP3KYO, new in V4): one record per service or activity slot of the week.
 * Components are the layout's fields in order (13 fields); see docs/standard-layouts.md.
 */
public record WeeklyPlanRecord(
        CsvVersion csvVersion,
        String insurerNumber,
        String insuredPersonNumber,
        LocalDate createdOn,
        LocalDate planChangedOn,
        String careServiceContent,
        String dayOfWeek,
        String serviceStartTime,
        String serviceEndTime,
        String dailyActivity,
        String activityStartTime,
        String activityEndTime,
        String nonWeeklyServices) implements StandardRecord {

    static final Layout LAYOUT = Layout.of(FileKind.UP3KYO,
            FieldSpec.version(),
            FieldSpec.insurer(),
            FieldSpec.insured(),
            field("週間サービス計画表作成年月日", DATE).required(),
            field("居宅サービス計画作成(変更)日", DATE).required(),
            field("介護サービス内容", TEXT),
            code("曜日", CodeTable.WEEKDAY),
            field("開始時間", TIME),
            field("終了時間", TIME),
            field("主な日常生活上の活動", TEXT),
            field("開始時間", TIME),
            field("終了時間", TIME),
            field("週単位以外のサービス", TEXT));
}
