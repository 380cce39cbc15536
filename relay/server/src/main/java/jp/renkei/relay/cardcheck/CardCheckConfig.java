package jp.renkei.relay.cardcheck;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The card-check settings of the relay (read by {@code RelayConfig} from {@code relay.card-check.*}).
 *
 * @param issuersFolder      trusted card issuers: every {@code *.pem} in it; default {@code <relay home>/card-issuers}
 * @param eligibilityFolder  the CSV registry ({@code <保険者番号>.csv}) and {@code revoked-serials.txt};
 *                           default {@code <relay home>/eligibility}
 * @param challengeValidity  how long a challenge may be used
 * @param challengeCapacity  the most challenges held at once
 * @param registryAttempts   how often the registry is asked before the check is refused with CARD-REG-001
 * @param registryBackOff    the wait after the first failed attempt; it doubles after each further one
 */
public record CardCheckConfig(
        Path issuersFolder,
        Path eligibilityFolder,
        Duration challengeValidity,
        int challengeCapacity,
        int registryAttempts,
        Duration registryBackOff) {

    public static final String ISSUERS_FOLDER = "card-issuers";
    public static final String ELIGIBILITY_FOLDER = "eligibility";
    public static final Duration DEFAULT_CHALLENGE_VALIDITY = Duration.ofSeconds(60);
    public static final int DEFAULT_CHALLENGE_CAPACITY = 10_000;
    public static final int DEFAULT_REGISTRY_ATTEMPTS = 3;
    public static final Duration DEFAULT_REGISTRY_BACK_OFF = Duration.ofMillis(50);

    /** The defaults for a relay whose own folder is {@code relayHome}. */
    public static CardCheckConfig defaults(Path relayHome) {
        return new CardCheckConfig(relayHome.resolve(ISSUERS_FOLDER), relayHome.resolve(ELIGIBILITY_FOLDER),
                DEFAULT_CHALLENGE_VALIDITY, DEFAULT_CHALLENGE_CAPACITY, DEFAULT_REGISTRY_ATTEMPTS,
                DEFAULT_REGISTRY_BACK_OFF);
    }

    public Path revocationList() {
        return eligibilityFolder.resolve(CardCertificateVerifier.REVOCATION_FILE);
    }
}
