package jp.renkei.relay.cardcheck;

import java.time.Duration;
import java.util.Optional;

/** Asks a registry up to {@code attempts} times, waiting {@code backOff}, then twice that, … between attempts. */
final class RetryingRegistry implements EligibilityRegistry {
    private static final System.Logger LOG = System.getLogger(RetryingRegistry.class.getName());

    private final EligibilityRegistry source;
    private final int attempts;
    private final Duration backOff;

    RetryingRegistry(EligibilityRegistry source, int attempts, Duration backOff) {
        if (attempts < 1) {
            throw new IllegalArgumentException("the registry needs at least 1 attempt, was " + attempts);
        }
        this.source = source;
        this.attempts = attempts;
        this.backOff = backOff;
    }

    @Override
    public Optional<EligibilityRecord> find(String certificateSerial) throws RegistryUnavailableException {
        long wait = backOff.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return source.find(certificateSerial);
            } catch (RegistryUnavailableException unavailable) {
                if (attempt >= attempts) {
                    throw unavailable;
                }
                LOG.log(System.Logger.Level.WARNING, "eligibility registry unavailable (attempt {0} of {1}): {2}",
                        attempt, attempts, unavailable.getMessage());
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new RegistryUnavailableException("interrupted while waiting to retry the registry", interrupted);
            }
            wait *= 2;
        }
    }
}
