package jp.renkei.ingest.application;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A license application of one office number.
 *
 * @param licenseEnd null when the license renews automatically
 */
public record Application(String officeNumber, String serviceType, LocalDate appliedOn, LocalDate licenseStart,
        LocalDate licenseEnd, Plan plan) {

    /** Paid license, or the フリーパス campaign (from 2025-06-01) that waives the first year's fee. */
    public enum Plan {
        PAID("paid", "有償"),
        FREE_PASS("free_pass", "フリーパス");

        private final String landingValue;
        private final String label;

        Plan(String landingValue, String label) {
            this.landingValue = landingValue;
            this.label = label;
        }

        public String landingValue() {
            return landingValue;
        }

        public String label() {
            return label;
        }

        public static Optional<Plan> fromLabel(String label) {
            return Arrays.stream(values()).filter(plan -> plan.label.equals(label)).findFirst();
        }
    }

    public List<Object> toLandingRow() {
        return Arrays.asList(officeNumber, serviceType, appliedOn, licenseStart, licenseEnd, plan.landingValue());
    }
}
