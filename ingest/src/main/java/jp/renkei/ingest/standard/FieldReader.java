package jp.renkei.ingest.standard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import jp.renkei.ingest.finding.Findings;

/**
 * Reads and validates the fields of one record against its layout, turning each problem into a finding at the
 * record's line and the field's column. Shared by every kind's codec; a person number is never echoed.
 */
final class FieldReader {
    static final String ALL_NINE_OFFICE = "9999999999";

    private final Findings findings;
    private long line;
    private List<String> fields;
    private List<FieldSpec> specs;
    /** A file's lines mostly repeat one service type: checking it again cost a substring and a hash per line. */
    private String lastInScopeType;

    FieldReader(Findings findings) {
        this.findings = findings;
    }

    void start(long recordLine, List<String> recordFields, List<FieldSpec> recordSpecs) {
        this.line = recordLine;
        this.fields = recordFields;
        this.specs = recordSpecs;
    }

    long line() {
        return line;
    }

    long errorCount() {
        return findings.errorCount();
    }

    /** The column index (0-based) of the named field in the current record's layout. */
    int indexOf(String fieldName) {
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no field " + fieldName);
    }

    String raw(int index) {
        return fields.get(index);
    }

    /** The field's value in its Java type (null when empty or in error; the findings say which). */
    Object read(int index) {
        FieldSpec spec = specs.get(index);
        String value = fields.get(index);
        if (value.isEmpty()) {
            if (spec.mandatory()) {
                error(index, "STD-REQ-001", "必須項目が空です", "required field is empty");
            }
            return spec.type().javaType() == String.class ? value : null;
        }
        return switch (spec.type()) {
            case VERSION -> CsvVersion.fromValue(value).orElse(null);
            case TEXT -> text(index, value, spec.maxLength());
            case DIGITS -> digits(index, value, spec.maxLength());
            case NUMBER -> number(index, value, spec);
            case DATE -> date(index, value);
            case DATE_OR_ZERO -> {
                if (!"00000000".equals(value)) {
                    date(index, value);
                }
                yield value;
            }
            case MONTH -> month(index, value);
            case MONTH_OR_ZERO -> {
                if (!"000000".equals(value)) {
                    month(index, value);
                }
                yield value;
            }
            case TIME -> time(index, value);
            case INSURER -> digits(index, value, 6);
            case INSURED -> insured(index, value);
            case OFFICE -> office(index, value, false);
            case OFFICE_OR_ALL9 -> office(index, value, true);
            case SERVICE_CODE -> serviceCode(index, value);
            case SERVICE_TYPE -> serviceType(index, value);
            case CODE -> code(index, value, spec.codes());
            case PRORATED -> prorated(index, value);
            case DECIMAL -> decimal(index, value);
            case POSTAL -> postal(index, value);
        };
    }

    /** The value as a finding may quote it, or "this value" for personal data (see {@link FieldSpec#personal()}). */
    private String shownJa(int index, String value) {
        return specs.get(index).personal() ? "この値" : "「" + value + "」";
    }

    private String shownEn(int index, String value) {
        return specs.get(index).personal() ? "the value" : "'" + value + "'";
    }

    void error(int index, String code, String messageJa, String messageEn) {
        String name = specs.get(index).name();
        findings.error(code, line, index + 1, name, name + ": " + messageJa, name + ": " + messageEn);
    }

    void warning(int index, String code, String messageJa, String messageEn) {
        String name = specs.get(index).name();
        findings.warning(code, line, index + 1, name, name + ": " + messageJa, name + ": " + messageEn);
    }

    /**
     * The cap on a text field whose layout length we do not hold (the PDF's length column is shifted; see
     * docs/formats.md): far above any sheet's cell, far below what a hostile file could send (a 300,000-character
     * office name passed before).
     */
    static final int UNSPECIFIED_TEXT_LENGTH = 4_000;

    private String text(int index, String value, int maximumLength) {
        int limit = maximumLength > 0 ? maximumLength : UNSPECIFIED_TEXT_LENGTH;
        if (value.length() > limit) {
            error(index, "STD-LENGTH-001", limit + "文字を超えています（" + value.length() + "文字）",
                    "longer than " + limit + " characters (" + value.length() + ")");
        }
        return value;
    }

    private String digits(int index, String value, int length) {
        if (value.length() != length || !StandardValues.isDigits(value)) {
            error(index, "STD-FORMAT-001", shownJa(index, value) + "は" + length + "桁の数字である必要があります",
                    shownEn(index, value) + " must be exactly " + length + " digits");
        }
        return value;
    }

    private Integer number(int index, String value, FieldSpec spec) {
        int maximumDigits = spec.maxLength() == 0 ? 9 : spec.maxLength();
        if (!StandardValues.isDigits(value) || value.length() > maximumDigits) {
            error(index, "STD-FORMAT-003", shownJa(index, value) + "は" + maximumDigits + "桁以内の数字である必要があります",
                    shownEn(index, value) + " must be a number of at most " + maximumDigits + " digits");
            return null;
        }
        int number = Integer.parseInt(value);
        if (number < spec.min()) {
            error(index, "STD-RANGE-001", shownJa(index, value) + "は" + spec.min() + "以上である必要があります",
                    shownEn(index, value) + " must be at least " + spec.min());
        }
        return number;
    }

    private LocalDate date(int index, String value) {
        LocalDate date = StandardValues.parseDate(value);
        if (date == null) {
            error(index, "STD-DATE-001", shownJa(index, value) + "は存在する日付(YYYYMMDD)ではありません",
                    shownEn(index, value) + " is not a real date in YYYYMMDD");
        }
        return date;
    }

    private YearMonth month(int index, String value) {
        YearMonth month = StandardValues.parseMonth(value);
        if (month == null) {
            error(index, "STD-DATE-002", shownJa(index, value) + "は存在する年月(YYYYMM)ではありません",
                    shownEn(index, value) + " is not a real month in YYYYMM");
        }
        return month;
    }

    private String time(int index, String value) {
        if (!StandardValues.isTime(value)) {
            error(index, "STD-TIME-001", shownJa(index, value) + "は時刻(HHMM)でも9999でもありません",
                    shownEn(index, value) + " is neither a time HHMM (0000–2359) nor 9999");
        }
        return value;
    }

    private String insured(int index, String value) {
        if (!StandardValues.isInsuredPersonNumber(value)) {
            // The value itself is personal data: never echo it into a finding.
            error(index, "STD-FORMAT-002", "10桁の数字、または生活保護単独の場合は H+9桁である必要があります",
                    "must be 10 digits, or H followed by 9 digits for 生活保護単独");
        }
        return value;
    }

    private String office(int index, String value, boolean allNineAllowed) {
        if (!OfficeNumber.isValid(value) && !(allNineAllowed && ALL_NINE_OFFICE.equals(value))) {
            error(index, "STD-OFFICE-001", shownJa(index, value) + "は10桁で先頭2桁が都道府県コードの事業所番号ではありません",
                    shownEn(index, value) + " is not a 10-digit office number starting with a prefecture code");
        }
        return value;
    }

    private String serviceCode(int index, String value) {
        if (value.length() != 6 || !isCodeCharacters(value)) {
            error(index, "STD-FORMAT-005", shownJa(index, value) + "はサービスコード(6文字)ではありません",
                    shownEn(index, value) + " is not a 6-character service code");
        } else if (!BenefitTotals.GRAND_TOTAL_CODE.equals(value)) {
            checkScope(index, value);
        }
        return value;
    }

    private String serviceType(int index, String value) {
        if (value.length() != 2 || !isCodeCharacters(value)) {
            error(index, "STD-FORMAT-006", shownJa(index, value) + "はサービス種類コード(2文字)ではありません",
                    shownEn(index, value) + " is not a 2-character service type code");
        } else {
            checkScope(index, value);
        }
        return value;
    }

    /** Checks the service type that {@code code} (a type, or a service code) starts with. */
    private void checkScope(int index, String code) {
        if (lastInScopeType != null && code.startsWith(lastInScopeType)) {
            return;
        }
        String type = code.length() == 2 ? code : code.substring(0, 2);
        switch (ServiceTypeScope.of(type)) {
            case OUT_OF_SCOPE -> warning(index, "STD-SCOPE-001",
                    "サービス種類「" + type + "」はケアプランデータ連携の対象外です。連携対象のサービスだけを送ってください",
                    "service type '" + type + "' is outside the linkage standard's scope; send only in-scope services");
            case UNKNOWN -> warning(index, "STD-SCOPE-002",
                    "サービス種類「" + type + "」は標準仕様の対象サービス一覧にありません。コードを確認してください",
                    "service type '" + type + "' is not in the standard's list of services; check the code");
            case IN_SCOPE -> lastInScopeType = type;
        }
    }

    private String code(int index, String value, CodeTable table) {
        if (!table.contains(value)) {
            error(index, table.findingCode(),
                    shownJa(index, value) + "は" + table.japaneseName() + "のコード(" + String.join("/", table.codes()) + ")ではありません",
                    shownEn(index, value) + " is not a " + table.japaneseName() + " code; use one of "
                            + String.join(", ", table.codes()));
        }
        return value;
    }

    private String prorated(int index, String value) {
        if (value.length() != 31 || !onlyZerosAndOnes(value)) {
            error(index, "STD-FORMAT-004", "日割対象日は0と1からなる31文字です", "must be 31 characters of 0 and 1");
        }
        return value;
    }

    private String decimal(int index, String value) {
        if (!isUnitPrice(value)) {
            error(index, "STD-FORMAT-007", shownJa(index, value) + "は 99.99 形式ではありません",
                    shownEn(index, value) + " is not in the 99.99 format");
        }
        return value;
    }

    private String postal(int index, String value) {
        if (!value.matches("\\d{3}-\\d{4}")) {
            warning(index, "STD-FORMAT-008", shownJa(index, value) + "は郵便番号の形式(XXX-XXXX)ではありません",
                    shownEn(index, value) + " is not a postal code in the form XXX-XXXX");
        }
        return value;
    }

    private static boolean isCodeCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyZerosAndOnes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '0' && c != '1') {
                return false;
            }
        }
        return true;
    }

    /** {@code 99.99}: one or two digits, a point, two digits. */
    private static boolean isUnitPrice(String value) {
        int point = value.indexOf('.');
        return (point == 1 || point == 2) && value.length() == point + 3 && StandardValues.isDigits(value.substring(0, point))
                && StandardValues.isDigits(value.substring(point + 1));
    }
}
