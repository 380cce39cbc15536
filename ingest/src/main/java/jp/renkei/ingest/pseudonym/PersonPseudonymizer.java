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

    /**
     * The person_key of {@code insuredPersonNumber}.
     *
     * @throws IllegalArgumentException when it holds a character outside printable ASCII: encoding would map each
     *     such character to {@code ?}, so different numbers would share one pseudonym (the message does not repeat it)
     */
    public String personKey(String insuredPersonNumber) {
        for (int i = 0; i < insuredPersonNumber.length(); i++) {
            char c = insuredPersonNumber.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("an insured person number may hold printable ASCII only; character "
                        + (i + 1) + " of " + insuredPersonNumber.length() + " is not (the number is not shown)");
            }
        }
        return HexFormat.of().formatHex(macs.get().doFinal(insuredPersonNumber.getBytes(StandardCharsets.US_ASCII)));
    }
}
