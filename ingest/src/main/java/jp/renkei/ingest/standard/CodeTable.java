package jp.renkei.ingest.standard;

import java.util.List;

/**
 * The code tables of the layout definition (【コード表】 and the 書式 column), each with the finding code a value
 * outside the table raises. Tables marked "layout text" are read from the 書式 column of [LAYOUT-V4.1].
 */
enum CodeTable {
    OVER_30_DAYS("STD-CODE-001", "30日超区分", List.of("0", "1")),
    PLAN_CATEGORY("STD-CODE-002", "計画書区分", List.of("11", "12", "21", "51", "52", "53", "54")),
    CERTIFICATION_STATUS("STD-CODE-003", "認定状況区分", List.of("1", "2")),
    CARE_LEVEL("STD-CODE-004", "要介護状態区分", List.of("06", "12", "13", "21", "22", "23", "24", "25")),
    INSURANCE_COVERED("STD-CODE-005", "保険対象区分", List.of("Y", "N")),
    LIVING_SUPPORT_REASON("STD-CODE-006", "生活援助中心型の算定理由", List.of("1", "2", "3")),
    SEX("STD-CODE-007", "性別", List.of("1", "2")),
    WEEKDAY("STD-CODE-008", "曜日", List.of("1", "2", "3", "4", "5", "6", "7")),
    PLAN_TYPE("STD-CODE-009", "計画種類", List.of("1", "2")),
    ENTRUSTED("STD-CODE-010", "委託の有無", List.of("1", "2")),
    CONSULTATION_METHOD("STD-CODE-011", "相談方法", List.of("01", "02", "03")),
    CONSULTATION_COUNT("STD-CODE-012", "相談回数", List.of("01", "02")),
    USER_SITUATION("STD-CODE-013", "利用者の現況", List.of("01", "02")),
    PHYSICAL_INDEPENDENCE("STD-CODE-014", "障害高齢者の日常生活自立度",
            List.of("01", "11", "12", "21", "22", "31", "32", "41", "42")),
    DEMENTIA_INDEPENDENCE("STD-CODE-015", "認知症高齢者の日常生活自立度",
            List.of("01", "02", "03", "04", "05", "06", "07", "08")),
    BASIC_CARE_LEVEL("STD-CODE-016", "要介護状態区分(利用者基本情報)",
            List.of("01", "12", "13", "21", "22", "23", "24", "25")),
    CHECKLIST_RESULT("STD-CODE-017", "基本チェックリスト記入結果", List.of("1", "2")),
    APPLICABLE("STD-CODE-018", "該当・非該当", List.of("0", "1")),
    HOUSING("STD-CODE-019", "居住形態", List.of("01", "02", "03", "04", "05", "06", "07", "08")),
    PRESENCE("STD-CODE-020", "有無", List.of("1", "2")),
    SUPPORT_LEVEL("STD-CODE-021", "要支援状態区分", List.of("1", "2", "3")),
    NEED("STD-CODE-022", "要否", List.of("1", "2")),
    DOCTOR_FLAG("STD-CODE-023", "主治医・意見作成者フラグ", List.of("1", "2")),
    PROGRESS("STD-CODE-024", "経過", List.of("01", "02", "03"));

    private final String findingCode;
    private final String japaneseName;
    private final List<String> codes;

    CodeTable(String findingCode, String japaneseName, List<String> values) {
        this.findingCode = findingCode;
        this.japaneseName = japaneseName;
        this.codes = values;
    }

    String findingCode() {
        return findingCode;
    }

    String japaneseName() {
        return japaneseName;
    }

    List<String> codes() {
        return codes;
    }

    boolean contains(String value) {
        return codes.contains(value);
    }
}
