package jp.renkei.ingest.standard;

import static jp.renkei.ingest.standard.FieldSpec.field;
import static jp.renkei.ingest.standard.FieldType.DATE;
import static jp.renkei.ingest.standard.FieldType.NUMBER;
import static jp.renkei.ingest.standard.FieldType.TEXT;

import java.time.LocalDate;

/**
 * 介護予防サービス・支援計画書 別表 支援計画 (UPYOBO_SUB, V4): one row of 課題 × 支援計画 × 利用サービス; repeated 課題 and 支援計画 may be blank on later rows.
 * Components are the layout's fields in order (17 fields); see docs/standard-layouts.md.
 */
public record PreventionSupportRecord(
        CsvVersion csvVersion,
        String insurerNumber,
        String insuredPersonNumber,
        LocalDate planChangedOn,
        Integer issueNumber,
        String overallIssue,
        String proposal,
        String intention,
        String goal,
        Integer supportPlanNumber,
        String supportPoint,
        String selfCare,
        String insuranceService,
        Integer serviceNumber,
        String serviceKind,
        String serviceProvider,
        String servicePeriod) implements StandardRecord {

    static final Layout LAYOUT = Layout.of(FileKind.UPYOBO_SUB,
            FieldSpec.version(),
            FieldSpec.insurer(),
            FieldSpec.insured(),
            field("計画作成(変更)日", DATE).required(),
            field("課題NO", NUMBER).length(2).minimum(1),
            field("総合的課題", TEXT),
            field("課題に対する目標と具体策の提案", TEXT),
            field("具体策についての意向 本人・家族", TEXT),
            field("目標", TEXT),
            field("支援計画NO", NUMBER).length(2).minimum(1),
            field("【支援計画】目標についての支援のポイント", TEXT),
            field("【支援計画】本人等のセルフケアや家族の支援、インフォーマルサービス(民間サービス)", TEXT),
            field("【支援計画】介護保険サービス又は地域支援事業(総合事業のサービス)", TEXT),
            field("利用サービスNO", NUMBER).length(2).minimum(1),
            field("【利用サービス】サービス種別", TEXT),
            field("【利用サービス】事業所(利用先)", TEXT),
            field("【利用サービス】期間", TEXT));
}
