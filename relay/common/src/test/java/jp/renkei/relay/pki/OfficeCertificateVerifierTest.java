package jp.renkei.relay.pki;

import static jp.renkei.relay.pki.TestAuthorities.CLOCK;
import static jp.renkei.relay.pki.TestAuthorities.CREDENTIALS;
import static jp.renkei.relay.pki.TestAuthorities.FOREIGN;
import static jp.renkei.relay.pki.TestAuthorities.NOW;
import static jp.renkei.relay.pki.TestAuthorities.OFFICE;
import static jp.renkei.relay.pki.TestAuthorities.OURS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import jp.renkei.relay.pki.OfficeIdentity.Proven;
import jp.renkei.relay.pki.OfficeIdentity.Refused;
import jp.renkei.relay.testing.MutableClock;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficeCertificateVerifierTest {
    @TempDir
    Path folder;

    private final OfficeCertificateVerifier verifier = new OfficeCertificateVerifier(List.of(OURS.certificate()), null, CLOCK);

    @Test
    void anIssuedCertificateProvesItsOffice() {
        OfficeIdentity identity = verifier.verify(chain(CREDENTIALS));

        assertThat(identity).isEqualTo(new Proven(OFFICE, CREDENTIALS.certificate().getSerialNumber()));
    }

    @Test
    void theChainMayCarryTheCaCertificateAfterTheOfficeCertificate() {
        X509Certificate[] chain = {CREDENTIALS.certificate(), OURS.certificate()};

        assertThat(verifier.verify(chain)).isInstanceOf(Proven.class);
    }

    @Test
    void noCertificateIsRefusedWith001() {
        for (X509Certificate[] nothing : new X509Certificate[][] {null, {}, {null}}) {
            assertRefused(verifier.verify(nothing), 401, "RELAY-CERT-001");
        }
    }

    @Test
    void aCertificateFromAnotherCaWithTheSameNameIsRefusedWith002() {
        OfficeCredentials stranger = FOREIGN.issue(OFFICE, Duration.ofDays(30));
        assertThat(stranger.certificate().getIssuerX500Principal()).isEqualTo(OURS.certificate().getSubjectX500Principal());

        Refused refused = assertRefused(verifier.verify(chain(stranger)), 401, "RELAY-CERT-002");
        assertThat(refused.messageEn()).contains("not issued by a trusted office CA");
        assertThat(refused.messageJa()).contains("認証局");
    }

    @Test
    void aVerifierTrustingBothCasAcceptsBoth() {
        OfficeCertificateVerifier both = new OfficeCertificateVerifier(
                List.of(FOREIGN.certificate(), OURS.certificate()), null, CLOCK);

        assertThat(both.verify(chain(FOREIGN.issue(OFFICE, Duration.ofDays(30))))).isInstanceOf(Proven.class);
        assertThat(both.verify(chain(CREDENTIALS))).isInstanceOf(Proven.class);
    }

    @Test
    void anExpiredCertificateIsRefusedWith003SayingWhen() {
        Instant notAfter = NOW.minus(Duration.ofDays(1));
        OfficeCredentials expired = OURS.issue(OFFICE, NOW.minus(Duration.ofDays(30)), notAfter);

        Refused refused = assertRefused(verifier.verify(chain(expired)), 401, "RELAY-CERT-003");
        assertThat(refused.messageEn()).contains("expired at 2026-11-25T12:00:00Z").contains("checked at " + NOW);
        assertThat(refused.messageJa()).contains("2026年11月25日 21:00").contains("有効期限が切れています");
    }

    @Test
    void aCertificateNotYetValidIsRefusedWith003SayingFromWhen() {
        OfficeCredentials future = OURS.issue(OFFICE, NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(30)));

        Refused refused = assertRefused(verifier.verify(chain(future)), 401, "RELAY-CERT-003");
        assertThat(refused.messageEn()).contains("not yet valid").contains("valid from 2026-11-26T13:00:00Z");
        assertThat(refused.messageJa()).contains("2026年11月26日 22:00").contains("まだ使えません");
    }

    @Test
    void validityIsCheckedAtEveryCallEvenForACachedCertificate() {
        MutableClock clock = new MutableClock(NOW);
        OfficeCertificateVerifier moving = new OfficeCertificateVerifier(List.of(OURS.certificate()), null, clock);
        OfficeCredentials shortLived = OURS.issue(OFFICE, NOW.minusSeconds(60), NOW.plusSeconds(60));

        assertThat(moving.verify(chain(shortLived))).isInstanceOf(Proven.class);
        clock.advance(Duration.ofSeconds(61));
        assertRefused(moving.verify(chain(shortLived)), 401, "RELAY-CERT-003");
    }

    @Test
    void revokedSerialsAreRefusedWith004AndTheListIsReadAgainWhenItChanges() throws IOException {
        Path list = folder.resolve("revoked-serials.txt");
        OfficeCredentials first = OURS.issue(OFFICE, Duration.ofDays(30));
        OfficeCredentials second = OURS.issue("2710000002", Duration.ofDays(30));
        String firstHex = first.certificate().getSerialNumber().toString(16);
        Files.writeString(list, "# revoked office certificates\n\n" + firstHex.toUpperCase() + "  # lost laptop\n",
                StandardCharsets.UTF_8);
        AtomicLong ticker = new AtomicLong();
        OfficeCertificateVerifier withList = OfficeCertificateVerifier.withRevocations(List.of(OURS.certificate()),
                RevokedSerials.at(list, RevokedSerials.RECHECK, ticker::get), CLOCK);

        Refused refused = assertRefused(withList.verify(chain(first)), 401, "RELAY-CERT-004");
        assertThat(refused.messageEn()).contains("serial " + firstHex);
        assertThat(refused.messageJa()).contains(firstHex).contains("失効");
        assertThat(withList.verify(chain(second))).isEqualTo(new Proven("2710000002", second.certificate().getSerialNumber()));

        assertThat(RevokedSerials.append(list, second.certificate().getSerialNumber(), NOW)).isTrue();
        ticker.addAndGet(RevokedSerials.RECHECK.toNanos() - 1);
        assertThat(withList.verify(chain(second))).as("the list stands until the recheck interval has passed")
                .isInstanceOf(Proven.class);
        ticker.incrementAndGet();

        assertRefused(withList.verify(chain(second)), 401, "RELAY-CERT-004");
        assertRefused(withList.verify(chain(first)), 401, "RELAY-CERT-004");
        assertThat(withList.verify(chain(CREDENTIALS))).isInstanceOf(Proven.class);
    }

    /**
     * The list fails closed: "revokes nothing" is said by an empty file, never by a missing, unreadable or malformed one,
     * which would quietly trust the certificate an operator meant to revoke.
     */
    @Test
    void aMissingUnreadableOrMalformedRevocationListRefusesEveryCertificate() throws IOException {
        Path list = folder.resolve("revoked-serials.txt");
        OfficeCertificateVerifier withList = OfficeCertificateVerifier.withRevocations(List.of(OURS.certificate()),
                RevokedSerials.at(list, Duration.ZERO, System::nanoTime), CLOCK);
        Refused missing = assertRefused(withList.verify(chain(CREDENTIALS)), 503, "RELAY-CERT-007");
        assertThat(missing.messageEn()).contains("RELAY-CERT-008").contains("missing");

        RevokedSerials.createEmptyIfAbsent(list);
        assertThat(withList.verify(chain(CREDENTIALS))).as("an empty list revokes nothing").isInstanceOf(Proven.class);

        Files.writeString(list, "0a1b\nnot-a-serial\n", StandardCharsets.UTF_8);
        Refused malformed = assertRefused(withList.verify(chain(CREDENTIALS)), 503, "RELAY-CERT-007");
        assertThat(malformed.messageEn()).contains("RELAY-CERT-009").contains("line 2").contains("not-a-serial");

        Files.delete(list);
        Files.createDirectory(list);
        assertRefused(withList.verify(chain(CREDENTIALS)), 503, "RELAY-CERT-007");
    }

    @Test
    void installingTrustInTheCaCreatesTheEmptyRevocationListBesideIt() throws IOException {
        Path anchor = PkiLayout.relayTrustAnchor(folder.resolve("relay"));
        OURS.installTrustIn(anchor);

        Path list = PkiLayout.revokedSerials(folder.resolve("relay"));
        assertThat(list).exists();
        assertThat(RevokedSerials.at(list).current()).isEmpty();
    }

    @Test
    void aCommonNameThatIsNotAnOfficeNumberIsRefusedWith005() {
        OfficeCredentials notAnOffice = OURS.issue("renkei test", KeyPurposeId.id_kp_clientAuth, NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(1)));
        OfficeCredentials noPrefecture = OURS.issue("4810000001", KeyPurposeId.id_kp_clientAuth, NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(1)));

        Refused refused = assertRefused(verifier.verify(chain(notAnOffice)), 403, "RELAY-CERT-005");
        assertThat(refused.messageEn()).contains("\"renkei test\"");
        assertRefused(verifier.verify(chain(noPrefecture)), 403, "RELAY-CERT-005");
    }

    @Test
    void aServerAuthenticationCertificateIsRefusedWith006() {
        OfficeCredentials server = OURS.issue(OFFICE, KeyPurposeId.id_kp_serverAuth, NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(1)));

        assertRefused(verifier.verify(chain(server)), 403, "RELAY-CERT-006");
    }

    @Test
    void theCaCertificateItselfIsNotAClientCertificate() {
        assertRefused(verifier.verify(new X509Certificate[] {OURS.certificate()}), 403, "RELAY-CERT-006");
    }

    @Test
    void loadTrustsThePemFileAndExplainsAMissingOne() throws IOException {
        Path anchor = PkiLayout.relayTrustAnchor(folder);
        assertThatThrownBy(() -> OfficeCertificateVerifier.load(anchor, null, CLOCK)).isInstanceOf(IOException.class)
                .hasMessageContaining(anchor.toString()).hasMessageContaining("renkei-relay ca issue");

        Pem.writeCertificates(anchor, OURS.certificate());
        assertThatThrownBy(() -> OfficeCertificateVerifier.load(anchor, PkiLayout.revokedSerials(folder), CLOCK))
                .isInstanceOf(IOException.class).hasMessageContaining("RELAY-CERT-008");
        OURS.installTrustIn(anchor);
        OfficeCertificateVerifier loaded = OfficeCertificateVerifier.load(anchor, PkiLayout.revokedSerials(folder), CLOCK);

        assertThat(loaded.verify(chain(CREDENTIALS))).isInstanceOf(Proven.class);
    }

    @Test
    void loadRefusesAnAnchorThatIsNotACa() throws IOException {
        Path anchor = folder.resolve("anchor.pem");
        Pem.writeCertificates(anchor, CREDENTIALS.certificate());

        assertThatThrownBy(() -> OfficeCertificateVerifier.load(anchor, null, CLOCK)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a CA certificate");
    }

    @Test
    void concurrentCallersGetConsistentAnswers() throws Exception {
        OfficeCredentials foreign = FOREIGN.issue(OFFICE, Duration.ofDays(30));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Set<String>>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                results.add(threads.submit(() -> {
                    Set<String> answers = new java.util.HashSet<>();
                    for (int call = 0; call < 500; call++) {
                        answers.add(describe(verifier.verify(chain(CREDENTIALS))));
                        answers.add(describe(verifier.verify(chain(foreign))));
                    }
                    return answers;
                }));
            }
            for (Future<Set<String>> result : results) {
                assertThat(result.get()).containsExactlyInAnyOrder("proven " + OFFICE, "refused RELAY-CERT-002");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static String describe(OfficeIdentity identity) {
        return identity instanceof Proven proven ? "proven " + proven.officeNumber()
                : "refused " + ((Refused) identity).code();
    }

    private static X509Certificate[] chain(OfficeCredentials credentials) {
        return new X509Certificate[] {credentials.certificate()};
    }

    private static Refused assertRefused(OfficeIdentity identity, int status, String code) {
        assertThat(identity).isInstanceOf(Refused.class);
        Refused refused = (Refused) identity;
        assertThat(refused.code()).isEqualTo(code);
        assertThat(refused.httpStatus()).isEqualTo(status);
        assertThat(refused.messageEn()).isNotBlank();
        assertThat(refused.messageJa()).isNotBlank();
        return refused;
    }
}
