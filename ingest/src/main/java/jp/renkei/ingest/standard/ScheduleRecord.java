package jp.renkei.ingest.standard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
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
        String identifier) {

    /** The layout's field names in V4 order; V3 omits positions 16–18. */
    public static final List<String> FIELD_NAMES_VERSION_4 = List.of(
            "CSVバージョン", "保険者番号", "被保険者番号", "作成年月日", "対象年月", "プラン担当業者コード", "プラン担当者名",
            "単位数", "前月までの短期入所利用日数", "サービス利用日", "日割対象日", "サービス開始時刻", "サービス終了時刻",
            "サービス回数", "サービスコード", "TAISコード", "福祉用具届出コード", "用具名称(機種名)", "明細判別コード",
            "サービス事業者コード", "サービス事業所名", "サテライト枝番", "30日超区分", "更新業者コード", "識別子");

    public static List<String> fieldNames(CsvVersion version) {
        if (version.isVersion4()) {
            return FIELD_NAMES_VERSION_4;
        }
        List<String> names = new ArrayList<>(FIELD_NAMES_VERSION_4);
        names.subList(15, 18).clear();
        return List.copyOf(names);
    }

    /** The 2-character サービス種類コード at the head of the サービスコード. */
    public String serviceType() {
        return serviceCode.substring(0, 2);
    }

    /** The record's fields in layout order for its CSV version. */
    public List<String> toFields() {
        List<String> fields = new ArrayList<>(25);
        fields.add(csvVersion.value());
        fields.add(insurerNumber);
        fields.add(insuredPersonNumber);
        fields.add(StandardValues.formatDate(createdOn));
        fields.add(StandardValues.formatMonth(targetMonth));
        fields.add(planOfficeNumber);
        fields.add(planManagerName);
        fields.add(units == null ? "" : units.toString());
        fields.add(shortStayDaysBefore == null ? "" : shortStayDaysBefore.toString());
        fields.add(StandardValues.formatDate(serviceDate));
        fields.add(proratedDays);
        fields.add(startTime);
        fields.add(endTime);
        fields.add(Integer.toString(serviceCount));
        fields.add(serviceCode);
        if (csvVersion.isVersion4()) {
            fields.add(taisCode);
            fields.add(equipmentNotificationCode);
            fields.add(equipmentName);
        }
        fields.add(detailCode);
        fields.add(serviceOfficeNumber);
        fields.add(serviceOfficeName);
        fields.add(satelliteBranch);
        fields.add(over30Days);
        fields.add(updaterOfficeNumber);
        fields.add(identifier);
        return fields;
    }
}
