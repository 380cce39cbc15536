package jp.renkei.ingest.standard;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Test data for 第6表 files: valid {@link ScheduleRecord}s between a care manager (43) and a home-help office (11)
 * for October 2026, and the matching file names. Tests change one thing and expect one finding.
 */
final class ScheduleRecords {
    static final String CARE_MANAGER = "3170100011";
    static final String SERVICE_OFFICE = "3170100029";
    static final YearMonth TARGET_MONTH = YearMonth.of(2026, 10);
    static final LocalDateTime SENT_AT = LocalDateTime.of(2026, 10, 5, 9, 30, 0);
    static final String INSURED_PERSON = "0123456789";

    private ScheduleRecords() {
    }

    /** One valid record for the given day of the target month. */
    static ScheduleRecord record(CsvVersion version, int day) {
        return new ScheduleRecord(version, "312017", INSURED_PERSON, LocalDate.of(2026, 10, 1), TARGET_MONTH,
                CARE_MANAGER, "介護 支援子", 431, null, TARGET_MONTH.atDay(day), "", "0900", "0945", 1, "111211",
                "", "", "", "", SERVICE_OFFICE, "あおばヘルパーステーション", "", "0", CARE_MANAGER, "");
    }

    /** {@code count} valid records on consecutive days from the 1st. */
    static List<ScheduleRecord> records(CsvVersion version, int count) {
        List<ScheduleRecord> records = new ArrayList<>();
        for (int day = 1; day <= count; day++) {
            records.add(record(version, day));
        }
        return records;
    }

    /** The same record with a different manager name, service office name and identifier (all free text). */
    static ScheduleRecord withFreeText(ScheduleRecord record, String managerName, String officeName, String identifier) {
        return new ScheduleRecord(record.csvVersion(), record.insurerNumber(), record.insuredPersonNumber(),
                record.createdOn(), record.targetMonth(), record.planOfficeNumber(), managerName, record.units(),
                record.shortStayDaysBefore(), record.serviceDate(), record.proratedDays(), record.startTime(),
                record.endTime(), record.serviceCount(), record.serviceCode(), record.taisCode(),
                record.equipmentNotificationCode(), record.equipmentName(), record.detailCode(),
                record.serviceOfficeNumber(), officeName, record.satelliteBranch(), record.over30Days(),
                record.updaterOfficeNumber(), identifier);
    }

    /** The fields of valid records, as a test that breaks one field needs them. */
    static List<List<String>> fields(List<ScheduleRecord> records) {
        List<List<String>> rows = new ArrayList<>();
        for (ScheduleRecord record : records) {
            rows.add(new ArrayList<>(record.toFields()));
        }
        return rows;
    }

    /** The UPPLAN name from the care manager to the service office: a V4 name for V4 content, else a V3 name. */
    static String upplanName(CsvVersion version) {
        return upplanName(version.isVersion4(), TARGET_MONTH);
    }

    static String upplanName(boolean version4, YearMonth month) {
        return new StandardFileName(FileKind.UPPLAN, Optional.of(month), CARE_MANAGER, version4 ? "43" : "",
                SERVICE_OFFICE, version4 ? "11" : "", SENT_AT, version4).format();
    }
}
