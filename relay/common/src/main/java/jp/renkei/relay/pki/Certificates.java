package jp.renkei.relay.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** What every certificate the relay makes needs: a random serial and a signature (the office CA, the test card issuer, the relay's own TLS certificate). */
public final class Certificates {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {
    }

    /** A random positive serial of {@code bits} bits (RFC 5280 allows up to 20 octets). */
    public static BigInteger randomSerial(int bits) {
        BigInteger serial;
        do {
            serial = new BigInteger(bits, RANDOM);
        } while (serial.signum() == 0);
        return serial;
    }

    /** Signs the certificate {@code builder} describes with {@code signer} ({@code algorithm} e.g. SHA256withRSA). */
    public static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer, String algorithm)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(signer)));
        } catch (OperatorCreationException failure) {
            throw new GeneralSecurityException("cannot sign a certificate with " + algorithm, failure);
        }
    }
}
