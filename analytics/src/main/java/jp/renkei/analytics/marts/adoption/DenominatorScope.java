package jp.renkei.analytics.marts.adoption;

import java.util.Set;

/** Which offices form the denominator of the rates; the mart carries both and names the one in each row. */
public enum DenominatorScope {
    /** Every in-scope service type ({@link InScopeServiceTypes#ALL}). */
    ALL_IN_SCOPE("all_in_scope", InScopeServiceTypes.ALL),
    /** 居宅介護支援 ({@code 43}) only. */
    CARE_MANAGEMENT_ONLY("care_management_only", Set.of(InScopeServiceTypes.CARE_MANAGEMENT));

    private final String value;
    private final Set<String> serviceTypes;

    DenominatorScope(String value, Set<String> serviceTypes) {
        this.value = value;
        this.serviceTypes = serviceTypes;
    }

    /** The value in the mart's {@code denominator_scope} column. */
    public String value() {
        return value;
    }

    public Set<String> serviceTypes() {
        return serviceTypes;
    }
}
