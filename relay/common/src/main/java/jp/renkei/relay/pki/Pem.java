package jp.renkei.relay.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.ingest.io.DurableFiles;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Certificates and private keys as PEM files. Writes are durable (temp file, fsync, rename); private keys are written
 * as unencrypted PKCS#8 readable by the owner only, so the folder they live in must stay outside the repository.
 */
public final class Pem {
    private Pem() {
    }

    /** Writes one or more certificates (a chain or a set of trust anchors) to {@code file}. */
    public static void writeCertificates(Path file, X509Certificate... certificates) throws IOException {
        if (certificates.length == 0) {
            throw new IllegalArgumentException("no certificate to write to " + file);
        }
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        }
        DurableFiles.write(file, pem.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes {@code key} as PKCS#8 PEM ({@code BEGIN PRIVATE KEY}) with owner-only permissions. */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaPKCS8Generator(key, null));
        }
        DurableFiles.writeSecret(file, pem.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** The first certificate in a PEM (or DER) file. */
    public static X509Certificate readCertificate(Path file) throws IOException {
        return readCertificates(file).get(0);
    }

    /** Every certificate in a PEM file (at least one). */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            for (var certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(content))) {
                certificates.add((X509Certificate) certificate);
            }
        } catch (CertificateException unreadable) {
            throw new IOException(file + " is not a PEM X.509 certificate: " + unreadable.getMessage(), unreadable);
        }
        if (certificates.isEmpty()) {
            throw new IOException(file + " holds no certificate");
        }
        return certificates;
    }

    /** An unencrypted private key in PKCS#8 ({@code BEGIN PRIVATE KEY}) or traditional OpenSSL PEM. */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        try (Reader reader = new java.io.StringReader(new String(DurableFiles.readSecret(file), StandardCharsets.US_ASCII));
                PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            throw new IOException(file + " holds no unencrypted private key (found "
                    + (object == null ? "nothing" : object.getClass().getSimpleName()) + ")");
        }
    }
}
