package jp.renkei.relay.cardcheck;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a card certificate may be believed: issued (signed) by one of the trusted issuers, valid at the
 * time of the check, not on the revocation list, and — for a PIN check — whether the card's SHA256withRSA signature
 * over the challenge verifies with the certificate's key.
 *
 * <p>Trusted issuers are the certificates in the {@code *.pem} files of one folder, read when the relay starts.
 * The revocation list ({@value #REVOCATION_FILE}: one serial in hex per line, {@code #} comments) is read at every
 * check, so a revocation counts at once. Messages never carry a serial: it identifies the card holder.
 */
final class CardCertificateVerifier {
    static final String REVOCATION_FILE = "revoked-serials.txt";
    private static final System.Logger LOG = System.getLogger(CardCertificateVerifier.class.getName());

    private final List<X509Certificate> issuers;
    private final Path revocationList;

    CardCertificateVerifier(List<X509Certificate> issuers, Path revocationList) {
        this.issuers = List.copyOf(issuers);
        this.revocationList = revocationList;
    }

    /** Trusts the certificates in {@code issuersFolder/*.pem}; a missing folder trusts nobody (and says so). */
    static CardCertificateVerifier load(Path issuersFolder, Path revocationList) throws IOException {
        List<X509Certificate> issuers = new ArrayList<>();
        if (Files.isDirectory(issuersFolder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(issuersFolder, "*.pem")) {
                for (Path file : files) {
                    issuers.addAll(readPem(file));
                }
            }
        }
        if (issuers.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "no trusted card issuer in {0}: every card check will be refused "
                    + "with CARD-CERT-001 until issuer certificates (PEM) are placed there", issuersFolder);
        } else {
            LOG.log(System.Logger.Level.INFO, "trusting {0} card issuer(s) from {1}", issuers.size(), issuersFolder);
        }
        return new CardCertificateVerifier(issuers, revocationList);
    }

    int issuerCount() {
        return issuers.size();
    }

    /** Parses the card's certificate (DER); a value that is not one is a malformed request. */
    static X509Certificate parse(byte[] der) throws CheckRefusedException {
        try {
            return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException notACertificate) {
            throw new CheckRefusedException(CardCheckRefusal.MALFORMED_REQUEST, "certificate is not an X.509 DER certificate");
        }
    }

    /** Issuer, validity at {@code at}, revocation — in that order, so the first failing check names the refusal. */
    void checkCertificate(X509Certificate card, Instant at) throws CheckRefusedException {
        if (issuers.stream().noneMatch(issuer -> issued(issuer, card, at))) {
            throw new CheckRefusedException(CardCheckRefusal.ISSUER_UNTRUSTED,
                    "no trusted issuer signed a certificate issued by " + card.getIssuerX500Principal().getName());
        }
        try {
            card.checkValidity(Date.from(at));
        } catch (CertificateException outsideValidity) {
            throw new CheckRefusedException(CardCheckRefusal.CERTIFICATE_EXPIRED, "certificate valid "
                    + card.getNotBefore().toInstant() + " to " + card.getNotAfter().toInstant() + ", checked at " + at);
        }
        String serial = CertificateSerials.of(card);
        if (revokedSerials().contains(serial)) {
            throw new CheckRefusedException(CardCheckRefusal.CERTIFICATE_REVOKED, "the certificate's serial is in "
                    + revocationList);
        }
    }

    /** Whether {@code signature} is the card key's SHA256withRSA signature over {@code challenge}. */
    void checkSignature(X509Certificate card, byte[] challenge, byte[] signature) throws CheckRefusedException {
        boolean valid;
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(card.getPublicKey());
            verifier.update(challenge);
            valid = verifier.verify(signature);
        } catch (GeneralSecurityException unusable) {
            valid = false;
        }
        if (!valid) {
            throw new CheckRefusedException(CardCheckRefusal.SIGNATURE_INVALID,
                    "the signature does not verify for the challenge with the certificate's key");
        }
    }

    private static boolean issued(X509Certificate issuer, X509Certificate card, Instant at) {
        if (!issuer.getSubjectX500Principal().equals(card.getIssuerX500Principal())) {
            return false;
        }
        try {
            card.verify(issuer.getPublicKey());
            issuer.checkValidity(Date.from(at));
            return true;
        } catch (GeneralSecurityException notThisIssuer) {
            return false;
        }
    }

    private Set<String> revokedSerials() throws CheckRefusedException {
        Set<String> revoked = new HashSet<>();
        if (!Files.exists(revocationList)) {
            return revoked;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(revocationList, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            // Answering "not revoked" when the list cannot be read would be a silent hole; refuse until it can.
            LOG.log(System.Logger.Level.ERROR, "cannot read the revocation list " + revocationList, unreadable);
            throw new CheckRefusedException(CardCheckRefusal.REGISTRY_UNREACHABLE, "revocation list unreadable");
        }
        for (String line : lines) {
            int comment = line.indexOf('#');
            String value = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (!value.isEmpty()) {
                String serial = CertificateSerials.normalize(value);
                if (serial == null) {
                    // Skipping it would trust the card it was meant to revoke: refuse every check until it is fixed.
                    LOG.log(System.Logger.Level.ERROR, "{0}: ''{1}'' is not a hex serial; every card check is refused"
                            + " until the line is fixed", revocationList, value);
                    throw new CheckRefusedException(CardCheckRefusal.REGISTRY_UNREACHABLE, "revocation list malformed");
                } else {
                    revoked.add(serial);
                }
            }
        }
        return revoked;
    }

    private static List<X509Certificate> readPem(Path file) throws IOException {
        try (InputStream input = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            factory().generateCertificates(input).forEach(certificate -> certificates.add((X509Certificate) certificate));
            if (certificates.isEmpty()) {
                throw new IOException("trusted card issuer file " + file + " holds no certificate");
            }
            return certificates;
        } catch (CertificateException unreadable) {
            throw new IOException("trusted card issuer file " + file + " is not a PEM certificate: "
                    + unreadable.getMessage(), unreadable);
        }
    }

    private static CertificateFactory factory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException impossible) {
            throw new IllegalStateException("X.509 is part of every JDK", impossible);
        }
    }
}
