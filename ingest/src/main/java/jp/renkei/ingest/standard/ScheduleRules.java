package jp.renkei.ingest.standard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Checks across the fields of one 第6表 line (UPPLAN / UPJSK). */
final class ScheduleRules {
    static final List<RecordRule<ScheduleRecord>> RULES =
            List.of(ScheduleRules::serviceDateInMonth, ScheduleRules::proratedDaysInMonth, ScheduleRules::equipmentCode);

    private ScheduleRules() {
    }

    private static void serviceDateInMonth(ScheduleRecord record, FieldReader reader, CsvVersion version) {
        LocalDate date = record.serviceDate();
        YearMonth month = record.targetMonth();
        if (date.getYear() != month.getYear() || date.getMonthValue() != month.getMonthValue()) {
            reader.error(reader.indexOf("サービス利用日"), "STD-DATE-003", "サービス利用日が対象年月の外です",
                    "the service date is outside the record's target month " + record.targetMonth());
        }
    }

    /** A 日割 day after the month's last day (e.g. day 31 of November) cannot be billed. */
    private static void proratedDaysInMonth(ScheduleRecord record, FieldReader reader, CsvVersion version) {
        String days = record.proratedDays();
        int length = record.targetMonth().lengthOfMonth();
        if (days.length() == 31 && days.substring(length).indexOf('1') >= 0) {
            reader.warning(reader.indexOf("日割対象日"), "STD-PRORATE-001",
                    "対象年月(" + length + "日まで)にない日が日割対象日になっています。月末より後の日は0にしてください",
                    "days after the end of the month (" + length + " days) are marked; set them to 0");
        }
    }

    /** 福祉用具貸与 (17/67) lines name the product by TAISコード or 福祉用具届出コード (V4). */
    private static void equipmentCode(ScheduleRecord record, FieldReader reader, CsvVersion version) {
        String type = record.serviceType();
        if (version.isVersion4() && ("17".equals(type) || "67".equals(type))
                && record.taisCode().isEmpty() && record.equipmentNotificationCode().isEmpty()) {
            reader.warning(reader.indexOf("TAISコード"), "STD-EQUIP-001",
                    "福祉用具貸与の行にはTAISコードか福祉用具届出コードのどちらかを記載してください",
                    "a 福祉用具貸与 line needs a TAISコード or a 福祉用具届出コード");
        }
    }
}
