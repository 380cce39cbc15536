package jp.renkei.ingest.standard;

import java.util.Set;

/**
 * Which サービス種類コード the linkage standard covers ([SPEC-V4.1] §1.3, read from a misaligned PDF table, so
 * approximate): the 居宅 and 予防 services in scope, the care-management types 43/46 that write the plans, and the
 * types the standard names as out of scope (with 介護医療院, 55, a facility like 51–54). Anything else is unknown.
 */
public final class ServiceTypeScope {
    private static final Set<String> IN_SCOPE = Set.of(
            "11", "12", "13", "14", "15", "16", "17", "21", "22", "23", "2A", "27", "28", "31", "38", "68", "71", "72",
            "73", "76", "77", "78", "79",
            "24", "25", "26", "2B", "34", "39", "62", "63", "64", "66", "67", "69", "74", "75",
            "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8",
            "43", "46");
    private static final Set<String> OUT_OF_SCOPE = Set.of(
            "32", "33", "35", "36", "37", "41", "42", "44", "45", "51", "52", "53", "54", "55", "59", "81");

    /** How a type relates to the standard's scope. */
    public enum Scope { IN_SCOPE, OUT_OF_SCOPE, UNKNOWN }

    private ServiceTypeScope() {
    }

    public static Scope of(String serviceType) {
        if (IN_SCOPE.contains(serviceType)) {
            return Scope.IN_SCOPE;
        }
        return OUT_OF_SCOPE.contains(serviceType) ? Scope.OUT_OF_SCOPE : Scope.UNKNOWN;
    }

    /** Every in-scope code: the one list that analytics' denominator and the validators share. */
    public static Set<String> inScopeCodes() {
        return IN_SCOPE;
    }

    public static boolean inScope(String serviceType) {
        return IN_SCOPE.contains(serviceType);
    }
}
