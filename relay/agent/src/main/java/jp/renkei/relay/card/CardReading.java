package jp.renkei.relay.card;

import java.util.Objects;

/**
 * What the reader got from the card.
 *
 * @param method how the holder was confirmed
 * @param certificateDer the user-authentication certificate (DER)
 * @param signature the card's RSA PKCS#1 v1.5 signature over SHA-256 of the challenge ({@code SHA256withRSA}); null
 *     unless {@code method} is {@link CardMethod#PIN}
 * @param latencyMillis time of the whole reading, from the call to the card's last answer
 */
public record CardReading(CardMethod method, byte[] certificateDer, byte[] signature, long latencyMillis) {
    public CardReading {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(certificateDer, "certificateDer");
        if (method.signs() != (signature != null)) {
            throw new IllegalArgumentException(method.signs() ? "a PIN reading needs a signature" : "only a PIN reading signs");
        }
    }

    @Override
    public String toString() {
        return "CardReading[method=" + method.wireName() + ", certificate=" + certificateDer.length + " bytes, signature="
                + (signature == null ? "none" : signature.length + " bytes") + ", latency=" + latencyMillis + " ms]";
    }
}
