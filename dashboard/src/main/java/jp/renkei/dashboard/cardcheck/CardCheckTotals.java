package jp.renkei.dashboard.cardcheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.dashboard.mart.MartRow;
import jp.renkei.marts.CardCheckFailureReasons;

/**
 * Card checks summed over rows of {@code card_check_activity} (a month, a municipality, or everything in scope):
 * counts add up; latency percentiles do not, so none is given here.
 */
public final class CardCheckTotals {

    /** The failure reasons in the mart's column order, {@code other} last. */
    public static final List<String> REASONS = reasons();

    private long checks;
    private long successes;
    private long eligible;
    private long notEligible;
    private long failed;
    private long pin;
    private long face;
    private long visual;
    private final Map<String, Long> failures = new LinkedHashMap<>();

    CardCheckTotals() {
        REASONS.forEach(reason -> failures.put(reason, 0L));
    }

    CardCheckTotals add(MartRow row) {
        checks += row.whole("checks");
        successes += row.whole("successes");
        eligible += row.whole("eligible");
        notEligible += row.whole("not_eligible");
        failed += row.whole("failed");
        pin += row.whole("checks_pin");
        face += row.whole("checks_face");
        visual += row.whole("checks_visual");
        REASONS.forEach(reason -> failures.merge(reason, row.whole("failures_" + reason), Long::sum));
        return this;
    }

    public long checks() {
        return checks;
    }

    public long successes() {
        return successes;
    }

    public Double successRate() {
        return checks == 0 ? null : (double) successes / checks;
    }

    public long eligible() {
        return eligible;
    }

    public long notEligible() {
        return notEligible;
    }

    public long failed() {
        return failed;
    }

    public long pin() {
        return pin;
    }

    public long face() {
        return face;
    }

    public long visual() {
        return visual;
    }

    /** Failure reasons with at least one failure, most frequent first (ties in the mart's order). */
    public List<Map.Entry<String, Long>> failureReasons() {
        List<Map.Entry<String, Long>> reasons = new ArrayList<>(failures.entrySet().stream()
                .filter(entry -> entry.getValue() > 0).toList());
        reasons.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        return reasons;
    }

    private static List<String> reasons() {
        List<String> reasons = new ArrayList<>(CardCheckFailureReasons.WITH_COLUMN);
        reasons.add("other");
        return List.copyOf(reasons);
    }
}
