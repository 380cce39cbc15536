package jp.renkei.relay.cardcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryingRegistryTest {
    private static final EligibilityRecord RECORD = new EligibilityRecord("1f", "310011", "H310012345", "要支援1",
            LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), 2, Set.of());

    /** Unavailable for the first {@code failures} calls, then answers {@link #RECORD}. */
    private static final class FlakyRegistry implements EligibilityRegistry {
        private final int failures;
        private int calls;

        FlakyRegistry(int failures) {
            this.failures = failures;
        }

        @Override
        public Optional<EligibilityRecord> find(String certificateSerial) throws RegistryUnavailableException {
            calls++;
            if (calls <= failures) {
                throw new RegistryUnavailableException("down for call " + calls);
            }
            return Optional.of(RECORD);
        }
    }

    @Test
    void aRegistryThatRecoversWithinTheAttemptsAnswers() throws Exception {
        FlakyRegistry source = new FlakyRegistry(2);

        assertThat(new RetryingRegistry(source, 3, Duration.ofMillis(1)).find("1f")).hasValue(RECORD);
        assertThat(source.calls).isEqualTo(3);
    }

    @Test
    void aRegistryDownForEveryAttemptIsUnavailableAfterExactlyThatMany() {
        FlakyRegistry source = new FlakyRegistry(Integer.MAX_VALUE);

        assertThatThrownBy(() -> new RetryingRegistry(source, 3, Duration.ofMillis(1)).find("1f"))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessage("down for call 3");
        assertThat(source.calls).isEqualTo(3);
    }

    @Test
    void anAvailableRegistryIsAskedOnce() throws Exception {
        FlakyRegistry source = new FlakyRegistry(0);

        new RetryingRegistry(source, 3, Duration.ofMillis(1)).find("1f");

        assertThat(source.calls).isEqualTo(1);
    }

    @Test
    void theRecordNeverShowsTheInsuredPersonNumber() {
        assertThat(RECORD.toString()).doesNotContain("H310012345").contains("310011");
    }
}
