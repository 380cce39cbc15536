package jp.renkei.ingest.standard;

import static jp.renkei.ingest.standard.FieldSpec.code;
import static jp.renkei.ingest.standard.FieldSpec.field;
import static jp.renkei.ingest.standard.FieldType.DATE;
import static jp.renkei.ingest.standard.FieldType.MONTH;
import static jp.renkei.ingest.standard.FieldType.NUMBER;
import static jp.renkei.ingest.standard.FieldType.OFFICE;
import static jp.renkei.ingest.standard.FieldType.PRORATED;
import static jp.renkei.ingest.standard.FieldType.SERVICE_CODE;
import static jp.renkei.ingest.standard.FieldType.TEXT;
import static jp.renkei.ingest.standard.FieldType.TIME;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One 第6表 line (UPPLAN 予定 or UPJSK 実績): one person × service date × service code. V4 has 25 fields; V3 lacks the
 * three welfare-equipment fields (TAISコード, 福祉用具届出コード, 用具名称).
 *
 * @param units 単位数, or null when left empty
 * @param startTime HHMM, or {@code 9999} for a service without a time
 */
public record ScheduleRecord(
        CsvVersion csvVersion,
        String insurerNumber,
        String insuredPersonNumber,
        LocalDate createdOn,
        YearMonth targetMonth,
        String planOfficeNumber,
        String planManagerName,
        Integer units,
        Integer shortStayDaysBefore,
        LocalDate serviceDate,
        String proratedDays,
        String startTime,
        String endTime,
        int serviceCount,
        String serviceCode,
        String taisCode,
        String equipmentNotificationCode,
        String equipmentName,
        String detailCode,
        String serviceOfficeNumber,
        String serviceOfficeName,
        String satelliteBranch,
        String over30Days,
        String updaterOfficeNumber,
        String identifier) implements StandardRecord {

    static final Layout LAYOUT = Layout.of(FileKind.UPPLAN,
            FieldSpec.version(),
            FieldSpec.insurer(),
            FieldSpec.insured(),
            field("作成年月日", DATE).required(),
            field("対象年月", MONTH).required().nameMonth(),
            field("プラン担当業者コード", OFFICE),
            field("プラン担当者名", TEXT),
            field("単位数", NUMBER).length(6),
            field("前月までの短期入所利用日数", NUMBER).length(5),
            field("サービス利用日", DATE).required(),
            field("日割対象日", PRORATED),
            field("サービス開始時刻", TIME).required(),
            field("サービス終了時刻", TIME).required(),
            field("サービス回数", NUMBER).required().length(2),
            field("サービスコード", SERVICE_CODE).required(),
            field("TAISコード", TEXT).length(12).version4Only(),
            field("福祉用具届出コード", TEXT).length(12).version4Only(),
            field("用具名称(機種名)", TEXT).version4Only(),
            field("明細判別コード", TEXT).length(2),
            field("サービス事業者コード", OFFICE).required(),
            field("サービス事業所名", TEXT),
            field("サテライト枝番", TEXT).length(2),
            code("30日超区分", CodeTable.OVER_30_DAYS).required(),
            field("更新業者コード", OFFICE),
            field("識別子", TEXT));

    /** The layout's field names in V4 order; V3 omits positions 16–18. */
    public static final List<String> FIELD_NAMES_VERSION_4 = LAYOUT.names(CsvVersion.V4_1);

    public static List<String> fieldNames(CsvVersion version) {
        return LAYOUT.names(version);
    }

    /** The 2-character サービス種類コード at the head of the サービスコード. */
    public String serviceType() {
        return serviceCode.substring(0, 2);
    }
}
