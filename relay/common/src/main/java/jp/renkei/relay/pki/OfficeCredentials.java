package jp.renkei.relay.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * What an office agent holds: its private key, its client certificate and the CA certificate that issued it. In an
 * agent folder ({@link PkiLayout#agentFolder}) they are {@value #KEY_FILE} (owner-only), {@value #CERTIFICATE_FILE}
 * and {@value #CA_CERTIFICATE_FILE}.
 *
 * @param officeNumber the office the certificate names (its subject CN)
 * @param privateKey the office's RSA key; it never leaves the agent's machine
 * @param certificate the office's client certificate
 * @param issuer the office CA's certificate
 */
public record OfficeCredentials(String officeNumber, PrivateKey privateKey, X509Certificate certificate,
        X509Certificate issuer) {
    public static final String KEY_FILE = "office-key.pem";
    public static final String CERTIFICATE_FILE = "office-cert.pem";
    public static final String CA_CERTIFICATE_FILE = "office-ca-cert.pem";

    public OfficeCredentials {
        Objects.requireNonNull(officeNumber, "officeNumber");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(issuer, "issuer");
    }

    /** Writes the three files into {@code agentFolder} (created if needed); the key with owner-only permissions. */
    public void writeTo(Path agentFolder) throws IOException {
        Files.createDirectories(agentFolder);
        Pem.writePrivateKey(agentFolder.resolve(KEY_FILE), privateKey);
        Pem.writeCertificates(agentFolder.resolve(CERTIFICATE_FILE), certificate);
        Pem.writeCertificates(agentFolder.resolve(CA_CERTIFICATE_FILE), issuer);
    }

    /** Reads what {@link #writeTo} wrote; fails naming the missing file, or when key and certificate do not match. */
    public static OfficeCredentials load(Path agentFolder) throws IOException {
        for (String name : new String[] {KEY_FILE, CERTIFICATE_FILE, CA_CERTIFICATE_FILE}) {
            if (!Files.exists(agentFolder.resolve(name))) {
                throw new IOException("office credentials in " + agentFolder + " are incomplete: " + name + " is missing. "
                        + "Issue them with `renkei-relay ca issue --office <office number> --out " + agentFolder + "`");
            }
        }
        PrivateKey key = Pem.readPrivateKey(agentFolder.resolve(KEY_FILE));
        X509Certificate certificate = Pem.readCertificate(agentFolder.resolve(CERTIFICATE_FILE));
        X509Certificate issuer = Pem.readCertificate(agentFolder.resolve(CA_CERTIFICATE_FILE));
        if (!FileSignature.verifies(certificate, "self-test", new byte[] {1}, FileSignature.sign(key, "self-test", new byte[] {1}))) {
            throw new IOException(agentFolder.resolve(KEY_FILE) + " does not belong to "
                    + agentFolder.resolve(CERTIFICATE_FILE) + "; copy both files of the same issue");
        }
        String office = OfficeSubject.commonName(certificate);
        if (office == null) {
            throw new IOException(agentFolder.resolve(CERTIFICATE_FILE) + " has no single subject CN (office number)");
        }
        return new OfficeCredentials(office, key, certificate, issuer);
    }

    /** A TLS client context that presents this certificate and trusts exactly {@code trustedRelayCertificate}. */
    public SSLContext clientContext(X509Certificate trustedRelayCertificate) throws GeneralSecurityException {
        return TlsContexts.context(TlsContexts.presenting(privateKey, certificate, issuer),
                TlsContexts.trusting(trustedRelayCertificate));
    }

    /** The same, reading the relay certificate from a PEM file (e.g. {@code relay/tls/relay-cert.pem}). */
    public SSLContext clientContext(Path trustedRelayCertificatePem) throws IOException, GeneralSecurityException {
        return clientContext(Pem.readCertificate(trustedRelayCertificatePem));
    }

    /** The base64 {@value FileSignature#HEADER} value for the file {@code fileName} with {@code content}. */
    public String sign(String fileName, byte[] content) {
        return FileSignature.sign(privateKey, fileName, content);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "OfficeCredentials[office=" + officeNumber + ", serial="
                + RevokedSerials.hex(certificate.getSerialNumber()) + "]";
    }
}
