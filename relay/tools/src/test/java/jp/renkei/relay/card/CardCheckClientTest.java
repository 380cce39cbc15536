package jp.renkei.relay.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.relay.cardemulator.pki.CardIssuer;
import jp.renkei.relay.cardemulator.pki.IssuedCard;
import jp.renkei.relay.pki.OfficeCertificateAuthority;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.testing.CardHome;
import jp.renkei.relay.testing.LandingFolder;
import jp.renkei.relay.testing.MutableClock;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's client against a real relay over mutual TLS (the office's client certificate); the card is a software
 * stand-in (pcscd tests are CardReader's).
 */
class CardCheckClientTest {
    private static final String OFFICE = "3110000011";
    private static final String INSURER = "310011";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static CardIssuer issuer;
    private static IssuedCard card;
    private static IssuedCard revoked;

    @TempDir
    Path folder;

    private RelayHome home;
    private RunningRelay relay;
    private CardCheckClient client;

    @BeforeAll
    static void issueCards() {
        issuer = CardIssuer.create("renkei test JPKI");
        card = CardHome.validCard(issuer, "介護 花子", NOW);
        revoked = CardHome.validCard(issuer, "失効 済み", NOW);
    }

    @BeforeEach
    void startRelay() throws Exception {
        home = RelayHome.create(folder, OFFICE);
        CardHome.of(home.config(new Properties())).trust(issuer, "issuer.pem")
                .register(INSURER,
                        new CardHome.Person(card, INSURER, "H310012345", "要介護1", LocalDate.of(2026, 4, 1),
                                LocalDate.of(2027, 3, 31), 2, List.of(OFFICE)),
                        new CardHome.Person(revoked, INSURER, "H310054321", "要介護1", LocalDate.of(2026, 4, 1),
                                LocalDate.of(2027, 3, 31), 1, List.of()))
                .revoke(revoked);
        relay = home.start(new Properties(), new MutableClock(NOW));
        RelayClient http = relay.client();
        client = new CardCheckClient(http.base(), http.credentials(OFFICE), http.relayCertificate());
    }

    @AfterEach
    void stopRelay() throws Exception {
        relay.close();
    }

    private static CardCheckClient.CardRead pin(IssuedCard holder) {
        return challenge -> new CardReading(CardMethod.PIN, holder.certificateDer(),
                CardHome.sign(holder.keyPair().getPrivate(), challenge), 35);
    }

    @Test
    void aGoodCheckReturnsTheEligibilityRecord() throws Exception {
        EligibilityAnswer answer = client.check(CardMethod.PIN, pin(card), TODAY);

        assertThat(answer.eligible()).isTrue();
        assertThat(answer.code()).isNull();
        assertThat(answer.insurerNumber()).isEqualTo(INSURER);
        assertThat(answer.insuredPersonNumber()).isEqualTo("H310012345");
        assertThat(answer.careLevel()).isEqualTo("要介護1");
        assertThat(answer.certificationValidTo()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(answer.copaymentRatio()).isEqualTo(2);
        assertThat(answer.registeredOffice()).isTrue();
        assertThat(answer.toString()).doesNotContain("H310012345");
    }

    @Test
    void aCheckOutsideTheCertificationPeriodIsAnAnswerWithTheCode() throws Exception {
        EligibilityAnswer answer = client.check(CardMethod.PIN, pin(card), LocalDate.of(2027, 4, 1));

        assertThat(answer.eligible()).isFalse();
        assertThat(answer.code()).isEqualTo("CARD-ELIG-001");
        assertThat(answer.messageJa()).isNotBlank();
    }

    @Test
    void aRefusalCarriesTheRelaysCodeAndJapaneseMessage() {
        assertThatThrownBy(() -> client.check(CardMethod.PIN, pin(revoked), TODAY))
                .isInstanceOfSatisfying(CardCheckRefusedException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(403);
                    assertThat(refused.code()).isEqualTo("CARD-CERT-003");
                    assertThat(refused.messageJa()).contains("失効").endsWith("（CARD-CERT-003）");
                    assertThat(refused.checkId()).isNotBlank();
                    assertThat(refused.retryable()).isFalse();
                });
    }

    @Test
    void aWrongPinIsReportedToTheRelayAndRethrownWithTheTriesLeft() throws Exception {
        assertThatThrownBy(() -> client.check(CardMethod.PIN, challenge -> {
            throw CardCheckException.wrongPin(2);
        }, TODAY)).isInstanceOfSatisfying(CardCheckException.class, failed -> {
            assertThat(failed.failure()).isEqualTo(CardCheckFailure.WRONG_PIN);
            assertThat(failed.remainingTries()).hasValue(2);
        });
        String noReader = client.reportFailure(null, CardMethod.FACE, CardCheckFailure.NO_READER, TODAY, 3);

        relay.close();

        List<Map<String, String>> rows = LandingFolder.rows(home.landing(), LandingDataset.CARD_CHECKS);
        assertThat(rows).hasSize(2);
        assertThat(rows).anySatisfy(row -> assertThat(row).containsEntry("method", "pin")
                .containsEntry("result", "failed").containsEntry("failure_reason", "wrong_pin"));
        assertThat(rows).anySatisfy(row -> assertThat(row).containsEntry("check_id", noReader)
                .containsEntry("method", "face").containsEntry("failure_reason", "no_reader"));
    }

    @Test
    void aCertificateOfAForeignCaIsARefusalWithAJapaneseMessage() throws Exception {
        RelayClient http = relay.client();
        OfficeCredentials foreign = OfficeCertificateAuthority.createOrLoad(folder.resolve("foreign-ca"), Clock.systemUTC())
                .issue(OFFICE, Duration.ofDays(30));
        CardCheckClient stranger = new CardCheckClient(http.base(), foreign, http.relayCertificate());

        assertThatThrownBy(stranger::requestChallenge).isInstanceOfSatisfying(CardCheckRefusedException.class, refused -> {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("RELAY-CERT-002");
            assertThat(refused.messageJa()).isNotBlank();
            assertThat(refused.checkId()).isNull();
        });
    }
}
