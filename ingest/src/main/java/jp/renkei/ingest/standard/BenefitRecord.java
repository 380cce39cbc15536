package jp.renkei.ingest.standard;

import static jp.renkei.ingest.standard.FieldSpec.code;
import static jp.renkei.ingest.standard.FieldSpec.field;
import static jp.renkei.ingest.standard.FieldType.DATE;
import static jp.renkei.ingest.standard.FieldType.DECIMAL;
import static jp.renkei.ingest.standard.FieldType.MONTH;
import static jp.renkei.ingest.standard.FieldType.NUMBER;
import static jp.renkei.ingest.standard.FieldType.OFFICE;
import static jp.renkei.ingest.standard.FieldType.OFFICE_OR_ALL9;
import static jp.renkei.ingest.standard.FieldType.SERVICE_CODE;
import static jp.renkei.ingest.standard.FieldType.TEXT;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * 第7表 サービス利用票別表 (UPSIKYU): a line per office × service code, {@code <type>AAAA/EEEE/ZZZZ} subtotals and the {@code 999999} grand total on office {@code 9999999999}. V4 added fields 10–12.
 * Components are the layout's fields in order (37 fields); see docs/standard-layouts.md.
 */
public record BenefitRecord(
        CsvVersion csvVersion,
        String insurerNumber,
        String insuredPersonNumber,
        LocalDate createdOn,
        YearMonth targetMonth,
        String serviceOfficeName,
        String serviceOfficeNumber,
        String satelliteBranch,
        String serviceCode,
        String taisCode,
        String equipmentNotificationCode,
        String equipmentName,
        Integer units,
        Integer discountRate,
        Integer discountedUnits,
        Integer count,
        Integer serviceUnitAmount,
        Integer benefitManagementUnits,
        Integer typeLimitExcessUnits,
        Integer typeLimitWithinUnits,
        Integer categoryLimitExcessUnits,
        Integer categoryLimitWithinUnits,
        String unitPrice,
        Integer totalCost,
        Integer benefitRate,
        Integer claimAmount,
        Integer fixedCopayUnitPrice,
        Integer copayInsured,
        Integer copayFull,
        Integer daysBeforeMonth,
        Integer plannedDaysThisMonth,
        Integer cumulativeDays,
        String over30Days,
        String officeCode,
        String enteredBy,
        String updaterOfficeNumber,
        String identifier) implements StandardRecord {

    static final Layout LAYOUT = Layout.of(FileKind.UPSIKYU,
            FieldSpec.version(),
            FieldSpec.insurer(),
            FieldSpec.insured(),
            field("作成年月日", DATE).required(),
            field("対象年月", MONTH).required().nameMonth(),
            field("サービス事業所名", TEXT),
            field("サービス事業所コード", OFFICE_OR_ALL9).required(),
            field("サテライト枝番", TEXT).length(2),
            field("サービスコード", SERVICE_CODE).required(),
            field("TAISコード", TEXT).length(12).version4Only(),
            field("福祉用具届出コード", TEXT).length(12).version4Only(),
            field("用具名称(機種名)", TEXT).version4Only(),
            field("単位数", NUMBER).required().length(6),
            field("割引後率", NUMBER).length(5),
            field("割引後単位数", NUMBER).length(6),
            field("回数/日数", NUMBER).length(3),
            field("サービス単位金額", NUMBER).length(9),
            field("給付管理単位数", NUMBER).length(9),
            field("種類支給限度基準超単位数", NUMBER).length(9),
            field("種類支給限度基準内単位数", NUMBER).length(9),
            field("区分支給限度基準超単位数", NUMBER).length(9),
            field("区分支給限度基準内単位数", NUMBER).length(9),
            field("単位数単価", DECIMAL),
            field("費用総額(保険/事業対象分)", NUMBER).length(9),
            field("給付率", NUMBER).length(3),
            field("保険/事業費請求額", NUMBER).length(9),
            field("定額利用者負担単価金額", NUMBER).length(9),
            field("利用者負担(保険/事業対象分)", NUMBER).length(9),
            field("利用者負担(全額負担分)", NUMBER).length(9),
            field("前月までの利用日数", NUMBER).length(5),
            field("当月の計画利用日数", NUMBER).length(3),
            field("累積利用日数", NUMBER).length(5),
            // Required on detail lines only (BenefitTotals.checkRow): 30日超 is a property of a service's days and
            // says nothing on a subtotal or the 999999 total, which exporting systems leave empty.
            code("30日超区分", CodeTable.OVER_30_DAYS),
            field("事業所コード", OFFICE_OR_ALL9),
            field("入力者コード", TEXT).length(10),
            field("更新業者コード", OFFICE),
            field("識別子", TEXT));
}
