package jp.renkei.ingest.standard;

/**
 * One field of a layout: its Japanese name as the layout prints it, its format, and its rules.
 *
 * @param maxLength the layout's 項目長 (exact for DIGITS, a maximum for TEXT and NUMBER); 0 for free length
 * @param codes the code table of a CODE field, else null
 * @param addedInVersion4 true for the fields V4 added (absent from V3 records)
 * @param matchesNameMonth true for the field that must equal the file name's 対象年月
 * @param min the smallest allowed NUMBER (e.g. 1 for 課題NO), or 0
 */
record FieldSpec(
        String name,
        FieldType type,
        boolean mandatory,
        int maxLength,
        CodeTable codes,
        boolean addedInVersion4,
        boolean matchesNameMonth,
        int min) {

    /** Parts of a field name that mark a person's data (an office's address is hidden with them; it costs nothing). */
    private static final java.util.List<String> PERSONAL_NAME_PARTS =
            java.util.List.of("生年月日", "郵便番号", "住所", "電話", "氏名", "フリガナ", "連絡先");

    /**
     * Whether the value is personal data (a person number, a birth date, a name, an address, a telephone number ...):
     * a finding about such a field never repeats its value, since findings go to logs, reports and other offices.
     */
    boolean personal() {
        return type == FieldType.INSURED || type == FieldType.POSTAL
                || PERSONAL_NAME_PARTS.stream().anyMatch(name::contains);
    }

    static FieldSpec field(String name, FieldType type) {
        return new FieldSpec(name, type, false, 0, null, false, false, 0);
    }

    static FieldSpec code(String name, CodeTable codes) {
        return new FieldSpec(name, FieldType.CODE, false, 0, codes, false, false, 0);
    }

    static FieldSpec version() {
        return field("CSVバージョン", FieldType.VERSION).required();
    }

    static FieldSpec insurer() {
        return field("保険者番号", FieldType.INSURER).required();
    }

    static FieldSpec insured() {
        return field("被保険者番号", FieldType.INSURED).required();
    }

    FieldSpec required() {
        return new FieldSpec(name, type, true, maxLength, codes, addedInVersion4, matchesNameMonth, min);
    }

    FieldSpec length(int maximum) {
        return new FieldSpec(name, type, mandatory, maximum, codes, addedInVersion4, matchesNameMonth, min);
    }

    FieldSpec version4Only() {
        return new FieldSpec(name, type, mandatory, maxLength, codes, true, matchesNameMonth, min);
    }

    FieldSpec nameMonth() {
        return new FieldSpec(name, type, mandatory, maxLength, codes, addedInVersion4, true, min);
    }

    FieldSpec minimum(int value) {
        return new FieldSpec(name, type, mandatory, maxLength, codes, addedInVersion4, matchesNameMonth, value);
    }
}
