package jp.renkei.ingest.standard;

import static jp.renkei.ingest.standard.FieldSpec.code;
import static jp.renkei.ingest.standard.FieldSpec.field;
import static jp.renkei.ingest.standard.FieldType.DATE;
import static jp.renkei.ingest.standard.FieldType.NUMBER;
import static jp.renkei.ingest.standard.FieldType.OFFICE;
import static jp.renkei.ingest.standard.FieldType.TEXT;

import java.time.LocalDate;

/**
 * 居宅サービス計画書(2) — 第2表 (UP2KYO), one record per printed row, sorted by 課題NO, 援助目標NO, 援助内容NO.
 * Components are the layout's fields in order (22 fields); see docs/standard-layouts.md.
 */
public record CarePlan2Record(
        CsvVersion csvVersion,
        String insurerNumber,
        String insuredPersonNumber,
        LocalDate createdOn,
        LocalDate planChangedOn,
        Integer issueNumber,
        String issue,
        Integer goalNumber,
        String longTermGoal,
        String shortTermGoal,
        String longTermPeriod,
        String shortTermPeriod,
        Integer supportNumber,
        String serviceContent,
        String insuranceCovered,
        String serviceKind,
        String serviceOfficeNumber,
        String serviceOfficeName,
        String frequency,
        String period,
        String updaterOfficeNumber,
        String identifier) implements StandardRecord {

    static final Layout LAYOUT = Layout.of(FileKind.UP2KYO,
            FieldSpec.version(),
            FieldSpec.insurer(),
            FieldSpec.insured(),
            field("居宅計画書作成年月日", DATE).required(),
            field("居宅サービス計画作成(変更)日", DATE).required(),
            field("課題NO", NUMBER).length(2).minimum(1),
            field("課題", TEXT),
            field("援助目標NO", NUMBER).length(2).minimum(1),
            field("長期目標", TEXT),
            field("短期目標", TEXT),
            field("長期期間", TEXT),
            field("短期期間", TEXT),
            field("援助内容NO", NUMBER).length(2).minimum(1),
            field("サービス内容", TEXT),
            code("保険対象区分", CodeTable.INSURANCE_COVERED),
            field("サービス種別", TEXT),
            field("サービス事業者コード", OFFICE),
            field("サービス事業所名", TEXT),
            field("頻度", TEXT),
            field("実施期間", TEXT),
            field("更新業者コード", OFFICE),
            field("識別子", TEXT));
}
