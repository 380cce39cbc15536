package jp.renkei.relay.card;

import java.util.Locale;

/** How the office confirmed the holder: the card's PIN, face matching, or a visual check against the card photo. */
public enum CardMethod {
    /** The holder entered the 4-digit PIN; the card signs the relay's challenge. */
    PIN,
    /** Face matching at the reader; the certificate is read, nothing is signed. */
    FACE,
    /** The staff compared the holder with the card photo; the certificate is read, nothing is signed. */
    VISUAL;

    /** The value of {@code method} on the wire: {@code pin}, {@code face} or {@code visual}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CardMethod fromWireName(String wireName) {
        for (CardMethod method : values()) {
            if (method.wireName().equals(wireName)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown card check method: " + wireName + " (pin, face or visual)");
    }

    /** Whether the card signs the challenge: only after a verified PIN. */
    public boolean signs() {
        return this == PIN;
    }
}
