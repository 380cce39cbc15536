package jp.renkei.analytics.marts.cardcheck;

import java.util.List;

/**
 * The {@code failure_reason} values of {@code card_checks} that get a column of their own ({@code failures_<reason>});
 * any other reason counts in {@code failures_other}. Office-side reasons come from the agent's
 * {@code CardCheckFailure}, relay-side ones from the relay's refusals (docs/card-check.md).
 */
public final class FailureReason {

    /** In column order: office side first, then relay side. */
    public static final List<String> KNOWN = jp.renkei.marts.CardCheckFailureReasons.WITH_COLUMN;

    public static final String OTHER = "other";

    private FailureReason() {
    }

    public static String column(String reason) {
        return "failures_" + reason;
    }
}
