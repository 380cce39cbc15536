package jp.renkei.ingest.standard;

import java.util.Arrays;
import java.util.Optional;

/**
 * サービス種類コード used in renkei, with the names the public office list (介護サービス情報公表) prints and
 * whether the linkage standard covers the type (standard §1.3, plus the care-management types 43 and 46 that
 * write the plans). The table is deliberately the subset the demo and the office list use; unknown codes are
 * out of scope.
 */
public enum ServiceType {
    HOME_HELP("11", "訪問介護", true),
    HOME_BATHING("12", "訪問入浴介護", true),
    HOME_NURSING("13", "訪問看護", true),
    HOME_REHABILITATION("14", "訪問リハビリテーション", true),
    DAY_SERVICE("15", "通所介護", true),
    DAY_REHABILITATION("16", "通所リハビリテーション", true),
    WELFARE_EQUIPMENT_RENTAL("17", "福祉用具貸与", true),
    SHORT_STAY("21", "短期入所生活介護", true),
    HOME_MEDICAL_MANAGEMENT("31", "居宅療養管理指導", true),
    DEMENTIA_GROUP_HOME("32", "認知症対応型共同生活介護", false),
    CARE_MANAGEMENT("43", "居宅介護支援", true),
    PREVENTIVE_CARE_MANAGEMENT("46", "介護予防支援", true),
    NURSING_HOME("51", "介護老人福祉施設", false),
    HEALTH_FACILITY("52", "介護老人保健施設", false),
    SMALL_MULTIFUNCTION("73", "小規模多機能型居宅介護", true),
    COMMUNITY_DAY_SERVICE("78", "地域密着型通所介護", true);

    private final String code;
    private final String japaneseName;
    private final boolean inStandardScope;

    ServiceType(String code, String japaneseName, boolean inStandardScope) {
        this.code = code;
        this.japaneseName = japaneseName;
        this.inStandardScope = inStandardScope;
    }

    public String code() {
        return code;
    }

    public String japaneseName() {
        return japaneseName;
    }

    public boolean inStandardScope() {
        return inStandardScope;
    }

    public static Optional<ServiceType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }

    public static Optional<ServiceType> fromJapaneseName(String name) {
        return Arrays.stream(values()).filter(type -> type.japaneseName.equals(name)).findFirst();
    }
}
