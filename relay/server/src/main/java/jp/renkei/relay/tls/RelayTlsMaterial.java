package jp.renkei.relay.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import jp.renkei.ingest.io.DurableFiles;
import jp.renkei.relay.pki.Certificates;
import jp.renkei.relay.pki.Pem;
import jp.renkei.relay.pki.PkiLayout;
import jp.renkei.relay.pki.TlsContexts;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * The relay's key store ({@code tls/relay.p12}) and certificate ({@code tls/relay-cert.pem}) under the relay home.
 * The key store password comes from {@value #PASSWORD_VARIABLE} or a generated file outside the repository.
 */
public final class RelayTlsMaterial {
    public static final String PASSWORD_VARIABLE = "RENKEI_RELAY_KEYSTORE_PASSWORD";
    private static final String ALIAS = "relay";
    private static final Duration VALIDITY = Duration.ofDays(825);

    private final Path keyStoreFile;
    private final Path certificateFile;
    private final char[] password;

    private RelayTlsMaterial(Path keyStoreFile, Path certificateFile, char[] password) {
        this.keyStoreFile = keyStoreFile;
        this.certificateFile = certificateFile;
        this.password = password;
    }

    /** Loads the material, creating a fresh self-signed certificate for localhost the first time. */
    public static RelayTlsMaterial ensure(Path relayHome, Path secretsFolder) throws IOException, GeneralSecurityException {
        Path folder = relayHome.resolve("tls");
        Files.createDirectories(folder);
        char[] password = password(secretsFolder);
        RelayTlsMaterial material = new RelayTlsMaterial(folder.resolve("relay.p12"), PkiLayout.relayCertificate(relayHome), password);
        if (!Files.exists(material.keyStoreFile) || !Files.exists(material.certificateFile)) {
            material.create();
        }
        return material;
    }

    public Path certificateFile() {
        return certificateFile;
    }

    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        return serverContext(null);
    }

    /** The server context with {@code clientTrust} deciding client certificates (null: the JDK's default). */
    public SSLContext serverContext(javax.net.ssl.TrustManager[] clientTrust) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream input = Files.newInputStream(keyStoreFile)) {
            store.load(input, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), clientTrust, null);
        return context;
    }

    /** A client context that trusts exactly the relay certificate in {@code certificatePem}. */
    public static SSLContext clientContext(Path certificatePem) throws IOException, GeneralSecurityException {
        return TlsContexts.context(null, TlsContexts.trusting(Pem.readCertificate(certificatePem)));
    }

    private void create() throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=renkei relay (localhost),O=renkei");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, Certificates.randomSerial(64),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())}));
        X509Certificate certificate = Certificates.sign(builder, pair.getPrivate(), "SHA256withECDSA");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, pair.getPrivate(), password, new java.security.cert.Certificate[] {certificate});
        java.io.ByteArrayOutputStream keyStoreBytes = new java.io.ByteArrayOutputStream();
        store.store(keyStoreBytes, password);
        DurableFiles.writeSecret(keyStoreFile, keyStoreBytes.toByteArray());
        Pem.writeCertificates(certificateFile, certificate);
    }

    private static char[] password(Path secretsFolder) throws IOException {
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.toCharArray();
        }
        Path file = secretsFolder.resolve("relay-keystore.password");
        if (!Files.exists(file)) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            DurableFiles.writeSecret(file, HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII));
        }
        return new String(DurableFiles.readSecret(file), StandardCharsets.US_ASCII).strip().toCharArray();
    }
}
