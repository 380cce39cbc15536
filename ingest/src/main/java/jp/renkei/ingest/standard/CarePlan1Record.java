package jp.renkei.ingest.standard;

import static jp.renkei.ingest.standard.FieldSpec.code;
import static jp.renkei.ingest.standard.FieldSpec.field;
import static jp.renkei.ingest.standard.FieldType.DATE;
import static jp.renkei.ingest.standard.FieldType.OFFICE;
import static jp.renkei.ingest.standard.FieldType.POSTAL;
import static jp.renkei.ingest.standard.FieldType.TEXT;

import java.time.LocalDate;

/**
 * 居宅サービス計画書(1) — 第1表 (UP1KYO). The parent of 2表, 3表 and 利用者補足情報, keyed by (保険者番号, 被保険者番号, 居宅サービス計画作成(変更)日).
 * Components are the layout's fields in order (28 fields); see docs/standard-layouts.md.
 */
public record CarePlan1Record(
        CsvVersion csvVersion,
        String insurerNumber,
        String insuredPersonNumber,
        LocalDate createdOn,
        String postalCode,
        String address1,
        String address2,
        String plannerName,
        String careManagerOfficeName,
        String careManagerPostalCode,
        String careManagerAddress1,
        String careManagerAddress2,
        String careManagerOfficeNumber,
        LocalDate planChangedOn,
        LocalDate firstPlanCreatedOn,
        String planCategory,
        String certificationStatus,
        LocalDate certifiedOn,
        LocalDate certificationStartsOn,
        LocalDate certificationEndsOn,
        String careLevel,
        String assessmentResult,
        String reviewBoardOpinion,
        String overallPolicy,
        String livingSupportReason,
        String otherReason,
        String updaterOfficeNumber,
        String identifier) implements StandardRecord {

    static final Layout LAYOUT = Layout.of(FileKind.UP1KYO,
            FieldSpec.version(),
            FieldSpec.insurer(),
            FieldSpec.insured(),
            field("作成年月日", DATE).required(),
            field("利用者郵便番号", POSTAL),
            field("利用者住所1", TEXT),
            field("利用者住所2", TEXT),
            field("居宅サービス計画作成者氏名", TEXT),
            field("介護支援事業者名", TEXT),
            field("介護支援事業者郵便番号", POSTAL),
            field("介護支援事業者住所1", TEXT),
            field("介護支援事業者住所2", TEXT),
            field("介護支援事業者コード", OFFICE).required(),
            field("居宅サービス計画作成(変更)日", DATE).required(),
            field("初回居宅サービス計画作成日", DATE),
            code("計画書区分", CodeTable.PLAN_CATEGORY),
            code("認定状況区分", CodeTable.CERTIFICATION_STATUS),
            field("認定日", DATE),
            field("認定有効期間開始日", DATE),
            field("認定有効期間終了日", DATE),
            code("要介護状態区分", CodeTable.CARE_LEVEL),
            field("利用者及び家族の生活に対する意向を踏まえた課題分析の結果", TEXT),
            field("介護認定審査会の意見及びサービスの種類の指定", TEXT),
            field("総合的な援助の方針", TEXT),
            code("生活援助中心型の算定理由", CodeTable.LIVING_SUPPORT_REASON),
            field("その他理由", TEXT),
            field("更新業者コード", OFFICE),
            field("識別子", TEXT));
}
