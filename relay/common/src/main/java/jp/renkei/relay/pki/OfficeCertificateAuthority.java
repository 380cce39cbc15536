package jp.renkei.relay.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import jp.renkei.ingest.standard.OfficeNumber;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * The small CA that issues office client certificates (RSA 2048, clientAuth) for mutual TLS and file signatures.
 * Its own key (RSA 3072, ten years) is kept in {@value #KEY_FILE} (owner-only) beside {@value #CERTIFICATE_FILE}
 * in one folder, normally {@link PkiLayout#caFolder}; only the certificate is ever copied elsewhere.
 */
public final class OfficeCertificateAuthority {
    public static final String KEY_FILE = "office-ca-key.pem";
    public static final String CERTIFICATE_FILE = "office-ca-cert.pem";
    static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final int CA_KEY_BITS = 3072;
    private static final int OFFICE_KEY_BITS = 2048;
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    /** Certificates start a little in the past so that a peer whose clock is slightly behind accepts them. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Clock clock;

    private OfficeCertificateAuthority(PrivateKey key, X509Certificate certificate, Clock clock) {
        this.key = key;
        this.certificate = certificate;
        this.clock = clock;
    }

    /** Loads the CA in {@code caFolder}, creating a new one (key and self-signed certificate) when there is none. */
    public static OfficeCertificateAuthority createOrLoad(Path caFolder, Clock clock) throws IOException {
        boolean hasKey = Files.exists(caFolder.resolve(KEY_FILE));
        boolean hasCertificate = Files.exists(caFolder.resolve(CERTIFICATE_FILE));
        if (hasKey || hasCertificate) {
            return load(caFolder, clock);
        }
        OfficeCertificateAuthority created = create(clock);
        Pem.writePrivateKey(caFolder.resolve(KEY_FILE), created.key);
        Pem.writeCertificates(caFolder.resolve(CERTIFICATE_FILE), created.certificate);
        return created;
    }

    /** Loads the CA in {@code caFolder}; fails, naming the missing file, when there is none. */
    public static OfficeCertificateAuthority load(Path caFolder, Clock clock) throws IOException {
        for (String name : new String[] {KEY_FILE, CERTIFICATE_FILE}) {
            if (!Files.exists(caFolder.resolve(name))) {
                throw new IOException("no office CA in " + caFolder + ": " + name + " is missing. Restore both "
                        + KEY_FILE + " and " + CERTIFICATE_FILE + " from the backup, or (only for a new installation) "
                        + "let `renkei-relay ca issue` create a CA in an empty folder");
            }
        }
        PrivateKey key = Pem.readPrivateKey(caFolder.resolve(KEY_FILE));
        X509Certificate certificate = Pem.readCertificate(caFolder.resolve(CERTIFICATE_FILE));
        if (certificate.getBasicConstraints() < 0) {
            throw new IOException(caFolder.resolve(CERTIFICATE_FILE) + " is not a CA certificate");
        }
        if (!FileSignature.verifies(certificate, "self-test", new byte[] {1}, FileSignature.sign(key, "self-test", new byte[] {1}))) {
            throw new IOException(caFolder.resolve(KEY_FILE) + " does not belong to " + caFolder.resolve(CERTIFICATE_FILE));
        }
        return new OfficeCertificateAuthority(key, certificate, Objects.requireNonNull(clock, "clock"));
    }

    /** A new CA held in memory only (tests, and {@link #createOrLoad} before it saves it). */
    static OfficeCertificateAuthority create(Clock clock) {
        try {
            KeyPair pair = keyPair(CA_KEY_BITS);
            X500Name subject = OfficeSubject.authority();
            Instant now = clock.instant();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, Certificates.randomSerial(128),
                    Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(CA_VALIDITY)), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            return new OfficeCertificateAuthority(pair.getPrivate(),
                    Certificates.sign(builder, pair.getPrivate(), SIGNATURE_ALGORITHM), clock);
        } catch (GeneralSecurityException | CertIOException failure) {
            throw new IllegalStateException("cannot create the office CA", failure);
        }
    }

    /** The CA certificate: what the relay and the agents trust. */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Adds this CA's certificate to a relay's trust anchor file (normally {@link PkiLayout#relayTrustAnchor}),
     * keeping any other CA already trusted there; does nothing when it is there already.
     */
    public void installTrustIn(Path trustAnchor) throws IOException {
        List<X509Certificate> trusted = new ArrayList<>();
        if (Files.exists(trustAnchor)) {
            trusted.addAll(Pem.readCertificates(trustAnchor));
        }
        if (!trusted.contains(certificate)) {
            trusted.add(certificate);
            Files.createDirectories(trustAnchor.toAbsolutePath().getParent());
            Pem.writeCertificates(trustAnchor, trusted.toArray(X509Certificate[]::new));
        }
        // The relay refuses every certificate without a revocation list (it fails closed): trust comes with an empty one.
        RevokedSerials.createEmptyIfAbsent(trustAnchor.resolveSibling(PkiLayout.REVOKED_SERIALS_FILE));
    }

    /** Issues credentials valid from five minutes ago (by the clock) for {@code validity}. */
    public OfficeCredentials issue(String officeNumber, Duration validity) {
        Instant now = clock.instant();
        return issue(officeNumber, now.minus(CLOCK_SKEW), now.plus(validity));
    }

    /** Issues credentials valid from {@code notBefore} to {@code notAfter} (either may be in the past). */
    public OfficeCredentials issue(String officeNumber, Instant notBefore, Instant notAfter) {
        if (!OfficeNumber.isValid(officeNumber)) {
            throw new IllegalArgumentException("'" + officeNumber + "' is not an office number: 10 digits whose first "
                    + "two are a prefecture code 01–47");
        }
        if (notAfter.isAfter(certificate.getNotAfter().toInstant())) {
            throw new IllegalArgumentException("the office CA itself is valid only until "
                    + certificate.getNotAfter().toInstant() + ", before " + notAfter + "; issue a shorter certificate "
                    + "or start a new CA");
        }
        return issue(officeNumber, KeyPurposeId.id_kp_clientAuth, notBefore, notAfter);
    }

    /** Issues without checking the name; tests use it for certificates the verifier must refuse. */
    OfficeCredentials issue(String commonName, KeyPurposeId purpose, Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(commonName, "commonName");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " is not after notBefore " + notBefore);
        }
        try {
            KeyPair pair = keyPair(OFFICE_KEY_BITS);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, Certificates.randomSerial(128),
                    Date.from(notBefore), Date.from(notAfter), OfficeSubject.of(commonName), pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(certificate));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(pair.getPublic()));
            return new OfficeCredentials(commonName, pair.getPrivate(),
                    Certificates.sign(builder, key, SIGNATURE_ALGORITHM), certificate);
        } catch (GeneralSecurityException | CertIOException failure) {
            throw new IllegalStateException("cannot issue an office certificate for " + commonName, failure);
        }
    }

    private static KeyPair keyPair(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits, RANDOM);
        return generator.generateKeyPair();
    }

}
