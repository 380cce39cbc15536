package jp.renkei.relay.cardcheck;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Locale;

/** Certificate serials as the registry and the revocation list write them: lower-case hex, no leading zeros. */
final class CertificateSerials {
    private CertificateSerials() {
    }

    static String of(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    /** The canonical form of a serial written by hand, or null when it is not hex. */
    static String normalize(String written) {
        String hex = written.strip().toLowerCase(Locale.ROOT);
        if (hex.startsWith("0x")) {
            hex = hex.substring(2);
        }
        if (hex.isEmpty() || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        return new BigInteger(hex, 16).toString(16);
    }
}
