package jp.renkei.ingest.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.renkei.ingest.standard.ServiceType;

/**
 * National office counts by service type and each type's relative readiness to adopt. Counts are the published
 * figures of docs/demo-nation.md ("Offices by service type": survey or billing counts, [S]) or placeholders where none
 * was found ([I]); the demo nation places them in proportion to each municipality's elderly residents.
 */
final class OfficeFigures {
    /** 居宅介護支援 offices that billed in 2025-04 (35,943) and listed at the end of 2024 (36,488), rounded. [S] */
    static final int CARE_MANAGEMENT_OFFICES = 36_000;

    /** In-scope service offices of the national count, the ones that receive schedules. */
    static final Map<ServiceType, Integer> SERVICE_OFFICES = ordered(
            ServiceType.HOME_HELP, 36_905,
            ServiceType.DAY_SERVICE, 24_569,
            ServiceType.COMMUNITY_DAY_SERVICE, 19_394,
            ServiceType.HOME_NURSING, 16_423,
            ServiceType.SHORT_STAY, 9_826,
            ServiceType.DAY_REHABILITATION, 7_032,
            ServiceType.WELFARE_EQUIPMENT_RENTAL, 6_262,
            ServiceType.PREVENTIVE_CARE_MANAGEMENT, 5_267,
            ServiceType.SMALL_MULTIFUNCTION, 5_500,
            ServiceType.HOME_REHABILITATION, 4_157,
            ServiceType.SHORT_STAY_MEDICAL_HEALTH_FACILITY, 3_500,
            ServiceType.DEMENTIA_DAY_SERVICE, 3_000,
            ServiceType.HOME_BATHING, 1_530,
            ServiceType.NURSING_SMALL_MULTIFUNCTION, 900,
            ServiceType.REGULAR_VISIT_HOME_CARE, 783);

    /** Facilities outside the standard's scope: in the office list, never in a rate's denominator. */
    static final Map<ServiceType, Integer> FACILITIES = ordered(
            ServiceType.DEMENTIA_GROUP_HOME, 14_139,
            ServiceType.NURSING_HOME, 8_548,
            ServiceType.SPECIFIED_FACILITY, 4_952,
            ServiceType.HEALTH_FACILITY, 4_250,
            ServiceType.CARE_HOSPITAL, 791);

    private OfficeFigures() {
    }

    /**
     * How much more (or less) likely than a 訪問介護 office a type is to have adopted [I]: care managers write the
     * plans and adopt most, equipment rental follows; day and residential services least (docs/demo-nation.md).
     */
    static double adoptionFactor(ServiceType type) {
        if (!type.inStandardScope()) {
            return 0;
        }
        return switch (type) {
            case CARE_MANAGEMENT -> 2.6;
            case WELFARE_EQUIPMENT_RENTAL -> 1.6;
            case HOME_HELP, HOME_NURSING, PREVENTIVE_CARE_MANAGEMENT -> 1.0;
            case DAY_SERVICE, DAY_REHABILITATION -> 0.8;
            case COMMUNITY_DAY_SERVICE -> 0.7;
            default -> 0.6;
        };
    }

    private static Map<ServiceType, Integer> ordered(Object... typeAndCount) {
        Map<ServiceType, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < typeAndCount.length; i += 2) {
            counts.put((ServiceType) typeAndCount[i], (Integer) typeAndCount[i + 1]);
        }
        return Collections.unmodifiableMap(counts);
    }
}
