package jp.renkei.ingest.standard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import jp.renkei.ingest.finding.Findings;

/** Validates one 第6表 record's fields and builds the typed record; every problem becomes a finding. */
final class ScheduleRecordParser {
    private final CsvVersion version;
    private final List<String> names;
    private final Findings findings;
    private long line;
    private List<String> fields;
    private int offset;

    ScheduleRecordParser(CsvVersion version, Findings findings) {
        this.version = version;
        this.names = ScheduleRecord.fieldNames(version);
        this.findings = findings;
    }

    /** Returns the record, or null when a field is in error (the findings say which). */
    ScheduleRecord parse(long recordLine, List<String> recordFields) {
        this.line = recordLine;
        this.fields = recordFields;
        this.offset = 0;
        long errorsBefore = findings.errorCount();
        String insurer = digits(1, 6, true);
        String insured = insuredPersonNumber(2);
        LocalDate createdOn = date(3, true);
        YearMonth targetMonth = month(4);
        String planOffice = officeNumber(5, false);
        String planManager = text(6);
        Integer units = number(7, 6, false);
        Integer shortStayDays = number(8, 5, false);
        LocalDate serviceDate = date(9, true);
        if (serviceDate != null && targetMonth != null && !YearMonth.from(serviceDate).equals(targetMonth)) {
            error(9, "STD-DATE-003", "サービス利用日が対象年月の外です",
                    "the service date is outside the record's target month " + targetMonth);
        }
        String prorated = proratedDays(10);
        String start = time(11);
        String end = time(12);
        Integer count = number(13, 2, true);
        String serviceCode = serviceCode(14);
        String tais = "";
        String equipmentCode = "";
        String equipmentName = "";
        if (version.isVersion4()) {
            tais = limited(15, 12);
            equipmentCode = limited(16, 12);
            equipmentName = text(17);
            offset = 3;
        }
        String detail = limited(15, 2);
        String serviceOffice = officeNumber(16, true);
        String serviceOfficeName = text(17);
        String satellite = limited(18, 2);
        String over30 = over30Days(19);
        String updater = officeNumber(20, false);
        String identifier = text(21);
        if (findings.errorCount() > errorsBefore) {
            return null;
        }
        return new ScheduleRecord(version, insurer, insured, createdOn, targetMonth, planOffice, planManager, units,
                shortStayDays, serviceDate, prorated, start, end, count, serviceCode, tais, equipmentCode, equipmentName,
                detail, serviceOffice, serviceOfficeName, satellite, over30, updater, identifier);
    }

    private String value(int index) {
        return fields.get(index + offset);
    }

    private void error(int index, String code, String messageJa, String messageEn) {
        int column = index + offset + 1;
        String name = names.get(index + offset);
        findings.error(code, line, column, name, name + ": " + messageJa, name + ": " + messageEn);
    }

    private boolean missing(int index, boolean required) {
        if (!value(index).isEmpty()) {
            return false;
        }
        if (required) {
            error(index, "STD-REQ-001", "必須項目が空です", "required field is empty");
        }
        return true;
    }

    private String digits(int index, int length, boolean required) {
        String value = value(index);
        if (missing(index, required)) {
            return value;
        }
        if (value.length() != length || !StandardValues.isDigits(value)) {
            error(index, "STD-FORMAT-001", "「" + value + "」は" + length + "桁の数字である必要があります",
                    "'" + value + "' must be exactly " + length + " digits");
        }
        return value;
    }

    private String insuredPersonNumber(int index) {
        String value = value(index);
        if (!missing(index, true) && !StandardValues.isInsuredPersonNumber(value)) {
            // The value itself is personal data: never echo it into a finding.
            error(index, "STD-FORMAT-002", "10桁の数字、または生活保護単独の場合は H+9桁である必要があります",
                    "must be 10 digits, or H followed by 9 digits for 生活保護単独");
        }
        return value;
    }

    private LocalDate date(int index, boolean required) {
        String value = value(index);
        if (missing(index, required)) {
            return null;
        }
        LocalDate date = StandardValues.parseDate(value);
        if (date == null) {
            error(index, "STD-DATE-001", "「" + value + "」は存在する日付(YYYYMMDD)ではありません",
                    "'" + value + "' is not a real date in YYYYMMDD");
        }
        return date;
    }

    private YearMonth month(int index) {
        String value = value(index);
        if (missing(index, true)) {
            return null;
        }
        YearMonth month = StandardValues.parseMonth(value);
        if (month == null) {
            error(index, "STD-DATE-002", "「" + value + "」は存在する年月(YYYYMM)ではありません",
                    "'" + value + "' is not a real month in YYYYMM");
        }
        return month;
    }

    private Integer number(int index, int maximumDigits, boolean required) {
        String value = value(index);
        if (missing(index, required)) {
            return null;
        }
        if (!StandardValues.isDigits(value) || value.length() > maximumDigits) {
            error(index, "STD-FORMAT-003", "「" + value + "」は" + maximumDigits + "桁以内の数字である必要があります",
                    "'" + value + "' must be a number of at most " + maximumDigits + " digits");
            return null;
        }
        return Integer.valueOf(value);
    }

    private String officeNumber(int index, boolean required) {
        String value = value(index);
        if (!missing(index, required) && !OfficeNumber.isValid(value)) {
            error(index, "STD-OFFICE-001", "「" + value + "」は10桁で先頭2桁が都道府県コードの事業所番号ではありません",
                    "'" + value + "' is not a 10-digit office number starting with a prefecture code");
        }
        return value;
    }

    private String proratedDays(int index) {
        String value = value(index);
        if (!value.isEmpty() && (value.length() != 31 || !value.chars().allMatch(c -> c == '0' || c == '1'))) {
            error(index, "STD-FORMAT-004", "日割対象日は0と1からなる31文字です", "must be 31 characters of 0 and 1");
        }
        return value;
    }

    private String time(int index) {
        String value = value(index);
        if (!missing(index, true) && !StandardValues.isTime(value)) {
            error(index, "STD-TIME-001", "「" + value + "」は時刻(HHMM)でも9999でもありません",
                    "'" + value + "' is neither a time HHMM (0000–2359) nor 9999");
        }
        return value;
    }

    private String serviceCode(int index) {
        String value = value(index);
        if (!missing(index, true) && (value.length() != 6 || !value.chars().allMatch(Character::isLetterOrDigit))) {
            error(index, "STD-FORMAT-005", "「" + value + "」はサービスコード(6文字)ではありません",
                    "'" + value + "' is not a 6-character service code");
            return value;
        }
        return value;
    }

    private String over30Days(int index) {
        String value = value(index);
        if (!missing(index, true) && !"0".equals(value) && !"1".equals(value)) {
            error(index, "STD-CODE-001", "「" + value + "」は30日超区分(0 または 1)ではありません",
                    "'" + value + "' is not a 30日超区分 (0 or 1)");
        }
        return value;
    }

    private String limited(int index, int maximumLength) {
        String value = value(index);
        if (value.length() > maximumLength) {
            error(index, "STD-LENGTH-001", maximumLength + "文字を超えています", "longer than " + maximumLength + " characters");
        }
        return value;
    }

    private String text(int index) {
        return value(index);
    }
}
