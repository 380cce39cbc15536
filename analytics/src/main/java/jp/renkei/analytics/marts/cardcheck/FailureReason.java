package jp.renkei.analytics.marts.cardcheck;

import java.util.List;

/**
 * The {@code failure_reason} values of {@code card_checks} that get a column of their own ({@code failures_<reason>});
 * any other reason counts in {@code failures_other}. Office-side reasons come from the agent's
 * {@code CardCheckFailure}, relay-side ones from the relay's refusals (docs/card-check.md).
 */
public final class FailureReason {

    /** In column order: office side first, then relay side. */
    public static final List<String> KNOWN = List.of(
            "no_reader", "no_card_timeout", "card_removed", "wrong_pin", "pin_locked", "card_error",
            "challenge_invalid", "issuer_untrusted", "certificate_expired", "certificate_revoked", "signature_invalid",
            "person_not_found", "registry_unreachable", "malformed_request");

    public static final String OTHER = "other";

    private FailureReason() {
    }

    public static String column(String reason) {
        return "failures_" + reason;
    }
}
