package jp.renkei.ingest.standard;

import java.util.Arrays;
import java.util.Optional;

/**
 * The サービス種類コード of the standard's §1.3 (in scope and named out of scope), the care-management types 43/46
 * and 介護医療院 (55), with their official names — for facilities the name the public office list
 * (介護サービス情報公表) prints in サービスの種類 (介護老人福祉施設, 介護医療院 …). Whether a type is in the standard's
 * scope comes from {@link ServiceTypeScope}, so the two cannot disagree. Codes not listed here are unknown.
 */
public enum ServiceType {
    // 居宅 services in the standard's scope (§1.3)
    HOME_HELP("11", "訪問介護"),
    HOME_BATHING("12", "訪問入浴介護"),
    HOME_NURSING("13", "訪問看護"),
    HOME_REHABILITATION("14", "訪問リハビリテーション"),
    DAY_SERVICE("15", "通所介護"),
    DAY_REHABILITATION("16", "通所リハビリテーション"),
    WELFARE_EQUIPMENT_RENTAL("17", "福祉用具貸与"),
    SHORT_STAY("21", "短期入所生活介護"),
    SHORT_STAY_MEDICAL_HEALTH_FACILITY("22", "短期入所療養介護（介護老人保健施設）"),
    SHORT_STAY_MEDICAL_HOSPITAL("23", "短期入所療養介護（療養病床を有する病院等）"),
    SHORT_STAY_MEDICAL_CARE_HOSPITAL("2A", "短期入所療養介護（介護医療院）"),
    SPECIFIED_FACILITY_SHORT_TERM("27", "特定施設入居者生活介護（短期利用）"),
    COMMUNITY_SPECIFIED_FACILITY_SHORT_TERM("28", "地域密着型特定施設入居者生活介護（短期利用）"),
    HOME_MEDICAL_MANAGEMENT("31", "居宅療養管理指導"),
    DEMENTIA_GROUP_HOME_SHORT_TERM("38", "認知症対応型共同生活介護（短期利用）"),
    SMALL_MULTIFUNCTION_SHORT_TERM("68", "小規模多機能型居宅介護（短期利用）"),
    NIGHT_HOME_HELP("71", "夜間対応型訪問介護"),
    DEMENTIA_DAY_SERVICE("72", "認知症対応型通所介護"),
    SMALL_MULTIFUNCTION("73", "小規模多機能型居宅介護"),
    REGULAR_VISIT_HOME_CARE("76", "定期巡回・随時対応型訪問介護看護"),
    NURSING_SMALL_MULTIFUNCTION("77", "看護小規模多機能型居宅介護"),
    COMMUNITY_DAY_SERVICE("78", "地域密着型通所介護"),
    NURSING_SMALL_MULTIFUNCTION_SHORT_TERM("79", "看護小規模多機能型居宅介護（短期利用）"),
    // care management: writes the plans
    CARE_MANAGEMENT("43", "居宅介護支援"),
    PREVENTIVE_CARE_MANAGEMENT("46", "介護予防支援"),
    // 介護予防 services in scope
    PREVENTIVE_SHORT_STAY("24", "介護予防短期入所生活介護"),
    PREVENTIVE_SHORT_STAY_MEDICAL_HEALTH_FACILITY("25", "介護予防短期入所療養介護（介護老人保健施設）"),
    PREVENTIVE_SHORT_STAY_MEDICAL_HOSPITAL("26", "介護予防短期入所療養介護（療養病床を有する病院等）"),
    PREVENTIVE_SHORT_STAY_MEDICAL_CARE_HOSPITAL("2B", "介護予防短期入所療養介護（介護医療院）"),
    PREVENTIVE_HOME_MEDICAL_MANAGEMENT("34", "介護予防居宅療養管理指導"),
    PREVENTIVE_DEMENTIA_GROUP_HOME_SHORT_TERM("39", "介護予防認知症対応型共同生活介護（短期利用）"),
    PREVENTIVE_HOME_BATHING("62", "介護予防訪問入浴介護"),
    PREVENTIVE_HOME_NURSING("63", "介護予防訪問看護"),
    PREVENTIVE_HOME_REHABILITATION("64", "介護予防訪問リハビリテーション"),
    PREVENTIVE_DAY_REHABILITATION("66", "介護予防通所リハビリテーション"),
    PREVENTIVE_WELFARE_EQUIPMENT_RENTAL("67", "介護予防福祉用具貸与"),
    PREVENTIVE_SMALL_MULTIFUNCTION_SHORT_TERM("69", "介護予防小規模多機能型居宅介護（短期利用）"),
    PREVENTIVE_DEMENTIA_DAY_SERVICE("74", "介護予防認知症対応型通所介護"),
    PREVENTIVE_SMALL_MULTIFUNCTION("75", "介護予防小規模多機能型居宅介護"),
    // 総合事業 (介護予防・日常生活支援総合事業) in scope
    VISIT_DEEMED("A1", "訪問型サービス（みなし）"),
    VISIT_OWN("A2", "訪問型サービス（独自）"),
    VISIT_OWN_RATE("A3", "訪問型サービス（独自／定率）"),
    VISIT_OWN_FIXED("A4", "訪問型サービス（独自／定額）"),
    DAY_DEEMED("A5", "通所型サービス（みなし）"),
    DAY_OWN("A6", "通所型サービス（独自）"),
    DAY_OWN_RATE("A7", "通所型サービス（独自／定率）"),
    DAY_OWN_FIXED("A8", "通所型サービス（独自／定額）"),
    // out of the standard's scope
    DEMENTIA_GROUP_HOME("32", "認知症対応型共同生活介護"),
    SPECIFIED_FACILITY("33", "特定施設入居者生活介護"),
    PREVENTIVE_SPECIFIED_FACILITY("35", "介護予防特定施設入居者生活介護"),
    COMMUNITY_SPECIFIED_FACILITY("36", "地域密着型特定施設入居者生活介護"),
    PREVENTIVE_DEMENTIA_GROUP_HOME("37", "介護予防認知症対応型共同生活介護"),
    EQUIPMENT_SALES("41", "特定福祉用具販売"),
    HOME_MODIFICATION("42", "住宅改修"),
    PREVENTIVE_EQUIPMENT_SALES("44", "特定介護予防福祉用具販売"),
    PREVENTIVE_HOME_MODIFICATION("45", "介護予防住宅改修"),
    NURSING_HOME("51", "介護老人福祉施設"),
    HEALTH_FACILITY("52", "介護老人保健施設"),
    MEDICAL_LONG_TERM_CARE_SANATORIUM("53", "介護療養型医療施設"),
    COMMUNITY_NURSING_HOME("54", "地域密着型介護老人福祉施設入所者生活介護"),
    // not named in §1.3, published in the office list: a facility, like 51–54
    CARE_HOSPITAL("55", "介護医療院");

    private final String code;
    private final String japaneseName;

    ServiceType(String code, String japaneseName) {
        this.code = code;
        this.japaneseName = japaneseName;
    }

    public String code() {
        return code;
    }

    public String japaneseName() {
        return japaneseName;
    }

    /** Whether the linkage standard covers the type; {@link ServiceTypeScope} is the one list. */
    public boolean inStandardScope() {
        return ServiceTypeScope.inScope(code);
    }

    public static Optional<ServiceType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }

    public static Optional<ServiceType> fromJapaneseName(String name) {
        return Arrays.stream(values()).filter(type -> type.japaneseName.equals(name)).findFirst();
    }
}
