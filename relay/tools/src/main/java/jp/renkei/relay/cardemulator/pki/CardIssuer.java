package jp.renkei.relay.cardemulator.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import jp.renkei.relay.pki.Certificates;
import jp.renkei.relay.pki.Pem;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * A test issuer CA (EC P-256, self-signed) that issues card certificates with RSA 2048 keys, like the JPKI
 * 利用者証明用電子証明書. {@link #save} writes {@value #CERTIFICATE_FILE} and {@value #KEY_FILE} (PKCS#8 PEM) to a
 * folder; the certificate file alone is what a relay configures as a trusted issuer.
 */
public final class CardIssuer {
    public static final String CERTIFICATE_FILE = "issuer-cert.pem";
    public static final String KEY_FILE = "issuer-key.pem";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final X509Certificate certificate;

    private CardIssuer(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** A fresh self-signed issuer named {@code CN=<commonName>, O=renkei test issuer}. */
    public static CardIssuer create(String commonName) {
        Objects.requireNonNull(commonName, "commonName");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = name(commonName, "renkei test issuer");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, Certificates.randomSerial(64),
                    Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(CA_VALIDITY)), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            return new CardIssuer(pair.getPrivate(), Certificates.sign(builder, pair.getPrivate(), "SHA256withECDSA"));
        } catch (GeneralSecurityException | CertIOException failure) {
            throw new IllegalStateException("cannot create the card issuer " + commonName, failure);
        }
    }

    /** Issues a card valid from five minutes ago for {@code validity}. */
    public IssuedCard issue(String holderName, Duration validity) {
        Instant now = Instant.now();
        return issue(holderName, now.minus(CLOCK_SKEW), now.plus(validity));
    }

    /** Issues a card with an RSA 2048 key valid from {@code notBefore} to {@code notAfter} (either may be past). */
    public IssuedCard issue(String holderName, Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(holderName, "holderName");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " is not after notBefore " + notBefore);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, Certificates.randomSerial(64),
                    Date.from(notBefore), Date.from(notAfter), name(holderName, "renkei test card"), pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(certificate));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(pair.getPublic()));
            return new IssuedCard(holderName, pair, Certificates.sign(builder, key, "SHA256withECDSA"));
        } catch (GeneralSecurityException | CertIOException failure) {
            throw new IllegalStateException("cannot issue a card certificate", failure);
        }
    }

    /** The issuer's own (CA) certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** Writes the issuer certificate as PEM, e.g. into a relay's {@code card-issuers/} folder. */
    public void writeCertificatePem(Path file) throws IOException {
        Pem.writeCertificates(file, certificate);
    }

    /** Reads one PEM (or DER) X.509 certificate. */
    public static X509Certificate readCertificatePem(Path file) throws IOException {
        return Pem.readCertificate(file);
    }

    /** Saves the certificate and the private key (PKCS#8, unencrypted, owner-only: test material only) into {@code folder}. */
    public void save(Path folder) throws IOException {
        Files.createDirectories(folder);
        Pem.writeCertificates(folder.resolve(CERTIFICATE_FILE), certificate);
        Pem.writePrivateKey(folder.resolve(KEY_FILE), key);
    }

    /** Loads an issuer that {@link #save} wrote. */
    public static CardIssuer load(Path folder) throws IOException {
        return new CardIssuer(Pem.readPrivateKey(folder.resolve(KEY_FILE)),
                readCertificatePem(folder.resolve(CERTIFICATE_FILE)));
    }

    private static X500Name name(String commonName, String organization) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).addRDN(BCStyle.O, organization)
                .build();
    }

}
