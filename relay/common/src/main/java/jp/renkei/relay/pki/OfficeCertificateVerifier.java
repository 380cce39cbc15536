package jp.renkei.relay.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import jp.renkei.ingest.io.JapanTime;
import jp.renkei.ingest.standard.OfficeNumber;
import jp.renkei.relay.pki.OfficeIdentity.Proven;
import jp.renkei.relay.pki.OfficeIdentity.Refused;

/**
 * Decides which office a client (or signer) certificate proves: signed by a trusted office CA, a client-authentication
 * certificate, subject CN a valid office number, valid at the clock's time, and not revoked. The first failing check
 * names the refusal; the checks that cannot change for a certificate (issuer, purpose, name) are cached per
 * certificate, validity and revocation are checked at every call (the revocation list as {@link RevokedSerials} last
 * looked at it). Safe for concurrent use.
 *
 * <p>The chain's first certificate is the office's; any others are ignored, since the office CA issues office
 * certificates directly and is itself the only trust anchor.
 */
public final class OfficeCertificateVerifier {
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int CACHE_LIMIT = 10_000;
    private static final DateTimeFormatter JAPAN_TIME =
            DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm", Locale.JAPAN).withZone(JapanTime.ZONE);

    private final List<X509Certificate> trustedCas;
    private final RevokedSerials revoked;
    private final Clock clock;
    /** Per certificate: a {@link Proven} before the time checks, or a {@link Refused} that does not depend on time. */
    private final ConcurrentMap<X509Certificate, OfficeIdentity> lasting = new ConcurrentHashMap<>();

    /**
     * @param trustedCas the office CA certificate(s)
     * @param revokedSerialsFile the revocation list ({@link RevokedSerials}); null for none
     */
    public OfficeCertificateVerifier(Collection<X509Certificate> trustedCas, Path revokedSerialsFile, Clock clock) {
        this(trustedCas, revokedSerialsFile == null ? null : RevokedSerials.at(revokedSerialsFile), clock);
    }

    /** As the constructor, with the revocation list given, e.g. one looked at again on every check. */
    public static OfficeCertificateVerifier withRevocations(Collection<X509Certificate> trustedCas,
            RevokedSerials revoked, Clock clock) {
        return new OfficeCertificateVerifier(trustedCas, Objects.requireNonNull(revoked, "revoked"), clock);
    }

    private OfficeCertificateVerifier(Collection<X509Certificate> trustedCas, RevokedSerials revoked, Clock clock) {
        if (trustedCas.isEmpty()) {
            throw new IllegalArgumentException("no trusted office CA certificate");
        }
        for (X509Certificate ca : trustedCas) {
            if (ca.getBasicConstraints() < 0) {
                throw new IllegalArgumentException("trusted office CA " + ca.getSubjectX500Principal()
                        + " is not a CA certificate (basic constraints CA:false)");
            }
        }
        this.trustedCas = List.copyOf(trustedCas);
        this.revoked = revoked;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Trusts the CA certificate(s) in {@code trustedCaPem} (normally {@link PkiLayout#relayTrustAnchor}) and honours
     * {@code revokedSerialsFile} (optional: it may be null or not exist yet; normally {@link PkiLayout#revokedSerials}).
     */
    public static OfficeCertificateVerifier load(Path trustedCaPem, Path revokedSerialsFile, Clock clock)
            throws IOException {
        if (!Files.exists(trustedCaPem)) {
            throw new IOException("no trusted office CA certificate at " + trustedCaPem + ": run `renkei-relay ca issue` "
                    + "once (it creates the CA and copies its certificate there) or copy "
                    + OfficeCertificateAuthority.CERTIFICATE_FILE + " there");
        }
        if (revokedSerialsFile != null && !Files.exists(revokedSerialsFile)) {
            throw new IOException("RELAY-CERT-008 no revocation list at " + revokedSerialsFile + ": the relay accepts no"
                    + " office certificate without one. Restore it, or create an empty file (an empty list revokes"
                    + " nothing); `renkei-relay ca issue` creates it with the CA");
        }
        try {
            return new OfficeCertificateVerifier(Pem.readCertificates(trustedCaPem), revokedSerialsFile, clock);
        } catch (IllegalArgumentException notCa) {
            throw new IOException(trustedCaPem + ": " + notCa.getMessage(), notCa);
        }
    }

    /** What {@code chainOrNull} (as from {@code SSLSession.getPeerCertificates()}, office certificate first) proves. */
    public OfficeIdentity verify(X509Certificate[] chainOrNull) {
        if (chainOrNull == null || chainOrNull.length == 0 || chainOrNull[0] == null) {
            return new Refused(401, Refused.NO_CERTIFICATE, "no client certificate was presented; configure the agent "
                    + "with the office's " + OfficeCredentials.CERTIFICATE_FILE + " and " + OfficeCredentials.KEY_FILE,
                    "事業所の電子証明書が提示されていません。連携ソフトに事業所の証明書（" + OfficeCredentials.CERTIFICATE_FILE
                            + " と " + OfficeCredentials.KEY_FILE + "）を設定してください。");
        }
        X509Certificate certificate = chainOrNull[0];
        OfficeIdentity identity = lasting.get(certificate);
        if (identity == null) {
            identity = examine(certificate);
            if (lasting.size() >= CACHE_LIMIT) {
                lasting.clear();
            }
            lasting.put(certificate, identity);
        }
        if (identity instanceof Proven proven) {
            return checkTime(certificate, proven);
        }
        return identity;
    }

    /** The checks whose answer cannot change for a certificate. */
    private OfficeIdentity examine(X509Certificate certificate) {
        if (trustedCas.stream().noneMatch(ca -> issued(ca, certificate))) {
            return new Refused(401, Refused.UNTRUSTED, "the client certificate (issuer \""
                    + certificate.getIssuerX500Principal().getName() + "\") was not issued by a trusted office CA, or its "
                    + "signature does not verify; issue one with `renkei-relay ca issue`",
                    "事業所の電子証明書が、信頼する認証局（renkei office CA）の発行したものと確認できません。"
                            + "運用担当者に事業所証明書の発行を依頼してください。");
        }
        if (!clientAuthentication(certificate)) {
            return new Refused(403, Refused.NOT_CLIENT_AUTH, "the certificate is not an office client-authentication "
                    + "certificate (it needs extended key usage clientAuth, key usage digitalSignature and CA:false)",
                    "この電子証明書は事業所の接続（クライアント認証）用ではありません。事業所の証明書（"
                            + OfficeCredentials.CERTIFICATE_FILE + "）を設定してください。");
        }
        String commonName = OfficeSubject.commonName(certificate);
        if (!OfficeNumber.isValid(commonName)) {
            return new Refused(403, Refused.NOT_AN_OFFICE, "the certificate's subject CN \"" + commonName + "\" is not "
                    + "an office number (10 digits starting with a prefecture code 01–47)",
                    "電子証明書の名義（CN）「" + commonName + "」が10桁の事業所番号ではありません。"
                            + "運用担当者に事業所証明書の再発行を依頼してください。");
        }
        return new Proven(commonName, certificate.getSerialNumber());
    }

    private OfficeIdentity checkTime(X509Certificate certificate, Proven proven) {
        Instant now = clock.instant();
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            return new Refused(401, Refused.OUTSIDE_VALIDITY, "the certificate of office " + proven.officeNumber()
                    + " expired at " + notAfter + " (valid from " + notBefore + "; checked at " + now + "); issue a new "
                    + "one with `renkei-relay ca issue`",
                    "事業所の電子証明書は " + JAPAN_TIME.format(notAfter) + "（日本時間）に有効期限が切れています。"
                            + "運用担当者に証明書の更新を依頼してください。");
        }
        if (now.isBefore(notBefore)) {
            return new Refused(401, Refused.OUTSIDE_VALIDITY, "the certificate of office " + proven.officeNumber()
                    + " is not yet valid: valid from " + notBefore + " to " + notAfter + ", checked at " + now
                    + "; check the clocks of the agent's machine and the relay",
                    "事業所の電子証明書は " + JAPAN_TIME.format(notBefore) + "（日本時間）から有効で、まだ使えません。"
                            + "パソコンの時計が正しいか確認してください。");
        }
        if (revoked != null) {
            try {
                if (revoked.isRevoked(proven.serial())) {
                    String serial = RevokedSerials.hex(proven.serial());
                    return new Refused(401, Refused.REVOKED, "the certificate of office " + proven.officeNumber()
                            + " (serial " + serial + ") is revoked in " + revoked.file() + "; issue a new one",
                            "事業所の電子証明書（シリアル番号 " + serial + "）は失効しています。"
                                    + "運用担当者に新しい証明書の発行を依頼してください。");
                }
            } catch (IOException unreadable) {
                // Answering "not revoked" when the list cannot be read would be a silent hole: refuse until it can.
                return new Refused(503, Refused.REVOCATION_UNREADABLE, "the revocation list " + revoked.file()
                        + " cannot be read (" + unreadable + "); no office certificate is accepted until it can",
                        "証明書の失効リストを確認できないため、接続を受け付けられません。しばらく待ってからやり直し、"
                                + "続く場合は運用担当者に連絡してください。");
            }
        }
        return proven;
    }

    private static boolean issued(X509Certificate ca, X509Certificate certificate) {
        if (!ca.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException notThisCa) {
            return false;
        }
    }

    private static boolean clientAuthentication(X509Certificate certificate) {
        if (certificate.getBasicConstraints() >= 0) {
            return false;
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && (keyUsage.length <= DIGITAL_SIGNATURE || !keyUsage[DIGITAL_SIGNATURE])) {
            return false;
        }
        try {
            List<String> purposes = certificate.getExtendedKeyUsage();
            return purposes != null && purposes.contains(CLIENT_AUTH);
        } catch (CertificateParsingException malformed) {
            return false;
        }
    }
}
