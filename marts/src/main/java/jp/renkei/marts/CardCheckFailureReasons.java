package jp.renkei.marts;

import java.util.List;

/**
 * The {@code failure_reason} values of card checks that get a {@code failures_<reason>} column in
 * {@code card_check_activity}, office side first (the agent's reasons), then the relay's refusals
 * (docs/card-check.md); any other reason counts in {@code failures_other}.
 */
public final class CardCheckFailureReasons {
    public static final List<String> WITH_COLUMN = List.of(
            "no_reader", "no_card_timeout", "card_removed", "wrong_pin", "pin_locked", "card_error",
            "challenge_invalid", "issuer_untrusted", "certificate_expired", "certificate_revoked", "signature_invalid",
            "person_not_found", "registry_unreachable", "malformed_request");

    private CardCheckFailureReasons() {
    }
}
