package jp.renkei.dashboard.mart;

import java.util.Arrays;
import java.util.Optional;

/** The mart column {@code denominator_scope}: which in-scope offices form the 申請率 denominator. */
public enum DenominatorScope {
    /** Every service type in the standard's scope. */
    ALL_IN_SCOPE("all_in_scope"),
    /** 居宅介護支援 (service type 43) only. */
    CARE_MANAGEMENT_ONLY("care_management_only");

    private final String code;

    DenominatorScope(String code) {
        this.code = code;
    }

    /** The value as stored in the mart and used in URLs, e.g. {@code all_in_scope}. */
    public String code() {
        return code;
    }

    public static Optional<DenominatorScope> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
