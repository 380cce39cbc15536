package jp.renkei.dashboard.indicator;

import java.util.Arrays;
import java.util.Optional;

/** The indicators the series API serves, each a ratio of two adoption columns (docs/marts.md, /definitions). */
enum Indicator {
    APPLICATION_RATE("application_rate", "offices_applied", "offices_in_scope"),
    ACTIVE_RATE("active_rate", "offices_active", "offices_in_scope");

    private final String id;
    private final String numerator;
    private final String denominator;

    Indicator(String id, String numerator, String denominator) {
        this.id = id;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    String id() {
        return id;
    }

    String numerator() {
        return numerator;
    }

    String denominator() {
        return denominator;
    }

    static Optional<Indicator> byId(String id) {
        return Arrays.stream(values()).filter(indicator -> indicator.id.equals(id)).findFirst();
    }

    static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Indicator::id).toList());
    }
}
