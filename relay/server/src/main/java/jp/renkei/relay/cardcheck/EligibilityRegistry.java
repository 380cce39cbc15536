package jp.renkei.relay.cardcheck;

import java.util.Optional;

/**
 * Resolves a card certificate to the holder's eligibility record. The demo source is {@link CsvEligibilityRegistry};
 * a real source (the insurers' systems, a database) replaces it by implementing this interface.
 */
public interface EligibilityRegistry {

    /**
     * The record of the person whose card certificate has this serial (lower-case hex), or empty when the registry
     * knows no such person.
     *
     * @throws RegistryUnavailableException when the source cannot be asked now; the relay retries, then answers 503
     */
    Optional<EligibilityRecord> find(String certificateSerial) throws RegistryUnavailableException;
}
