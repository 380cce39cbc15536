package jp.renkei.ingest.pseudonym;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Turns a 被保険者番号 into its {@code person_key}: lower-case hex HMAC-SHA256 under the relay's key. */
public final class PersonPseudonymizer {
    private static final String ALGORITHM = "HmacSHA256";
    static final int MINIMUM_KEY_BYTES = 32;

    /** A keyed Mac per thread: creating and keying one per call costs more than the HMAC itself. */
    private final ThreadLocal<Mac> macs;

    public PersonPseudonymizer(byte[] keyBytes) {
        if (keyBytes.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("The pseudonym key must be at least " + MINIMUM_KEY_BYTES
                    + " bytes; it has " + keyBytes.length);
        }
        SecretKeySpec key = new SecretKeySpec(keyBytes.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException impossible) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
            }
        });
    }

    public String personKey(String insuredPersonNumber) {
        return HexFormat.of().formatHex(macs.get().doFinal(insuredPersonNumber.getBytes(StandardCharsets.US_ASCII)));
    }
}
