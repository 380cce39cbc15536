package jp.renkei.relay.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.relay.cardemulator.CardEmulator;
import jp.renkei.relay.cardemulator.pki.CardIssuer;
import jp.renkei.relay.cardemulator.pki.IssuedCard;
import jp.renkei.relay.testing.CardHome;
import jp.renkei.relay.testing.LandingFolder;
import jp.renkei.relay.testing.Pcscd;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole checks as an office runs them: the emulated card in pcscd's virtual reader, {@link CardReader} through PC/SC,
 * {@link CardCheckClient} to a real relay over HTTPS, the relay's certificate checks and eligibility registry — and
 * every outcome, success or failure, lands as one card_checks row.
 */
@ExtendWith(Pcscd.class)
class WholeCardCheckTest {
    private static final String OFFICE = "3110000011";
    private static final String OTHER_OFFICE = "3110000029";
    private static final String INSURER = "310011";
    private static final String PIN = "2580";
    private static final Instant NOW = Instant.now();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final Duration CARD_TIMEOUT = Duration.ofMillis(800);

    private static CardIssuer issuer;
    private static IssuedCard registered;
    private static IssuedCard expired;
    private static IssuedCard revoked;
    private static IssuedCard unknownPerson;

    @TempDir
    Path folder;

    private RelayHome home;
    private RunningRelay relay;
    private CardCheckClient client;
    private CardEmulator emulator;
    private final CardReader reader = new CardReader(Pcscd.READER, CARD_TIMEOUT);

    @BeforeAll
    static void issueCards() {
        issuer = CardIssuer.create("renkei test JPKI");
        registered = CardHome.validCard(issuer, "介護 花子", NOW);
        expired = issuer.issue("期限 切れ", NOW.minus(Duration.ofDays(800)), NOW.minus(Duration.ofDays(1)));
        revoked = CardHome.validCard(issuer, "失効 済み", NOW);
        unknownPerson = CardHome.validCard(issuer, "未登録 太郎", NOW);
    }

    @BeforeEach
    void startRelay() throws Exception {
        home = RelayHome.create(folder, OFFICE, OTHER_OFFICE);
        CardHome.of(home.config(new Properties())).trust(issuer, "issuer.pem")
                .register(INSURER,
                        person(registered, TODAY.minusMonths(6), TODAY.plusMonths(6)),
                        person(expired, TODAY.minusMonths(6), TODAY.plusMonths(6)),
                        person(revoked, TODAY.minusMonths(6), TODAY.plusMonths(6)))
                .revoke(revoked);
        relay = home.start(new Properties(), Clock.systemUTC());
        RelayClient http = relay.client();
        client = new CardCheckClient(http.base(), http.credentials(OFFICE), http.relayCertificate());
    }

    @AfterEach
    void stop() throws Exception {
        if (emulator != null) {
            emulator.close();
            Pcscd.awaitNoCard();
        }
        relay.close();
    }

    @Test
    void aPinCheckReturnsTheRecordAndLandsOneEligibleRow() throws Exception {
        insert(registered);

        EligibilityAnswer answer = check(CardMethod.PIN, PIN);

        assertThat(answer.eligible()).isTrue();
        assertThat(answer.insurerNumber()).isEqualTo(INSURER);
        assertThat(answer.insuredPersonNumber()).isEqualTo("0000012345");
        assertThat(answer.registeredOffice()).isTrue();
        assertThat(landedRow()).containsEntry("result", "eligible").containsEntry("method", "pin")
                .containsEntry("office", OFFICE).containsEntry("insurer", INSURER).containsEntry("failure_reason", "");
    }

    @Test
    void aFaceCheckNeedsNoPin() throws Exception {
        insert(registered);

        EligibilityAnswer face = check(CardMethod.FACE, null);
        assertThat(face.eligible()).isTrue();
        assertThat(face.recordDisclosed()).as("no card signature, no personal data").isFalse();
        assertThat(landedRow()).containsEntry("result", "eligible").containsEntry("method", "face");
    }

    @Test
    void aWrongPinTellsTheTriesLeftAndIsCounted() throws Exception {
        insert(registered);

        CardCheckException failed = catchThrowableOfType(CardCheckException.class, () -> check(CardMethod.PIN, "0000"));

        assertThat(failed.failure()).isEqualTo(CardCheckFailure.WRONG_PIN);
        assertThat(failed.remainingTries()).hasValue(2);
        assertThat(failed.messageJa()).contains("あと2回");
        assertThat(landedRow()).containsEntry("result", "failed").containsEntry("failure_reason", "wrong_pin");
    }

    @Test
    void aLockedCardIsRefusedAtTheOffice() throws Exception {
        insert(registered).setPinTriesLeft(0);

        CardCheckException failed = catchThrowableOfType(CardCheckException.class, () -> check(CardMethod.PIN, PIN));

        assertThat(failed.failure()).isEqualTo(CardCheckFailure.PIN_LOCKED);
        assertThat(landedRow()).containsEntry("failure_reason", "pin_locked");
    }

    @Test
    void noCardWithinTheTimeoutIsCounted() throws Exception {
        CardCheckException failed = catchThrowableOfType(CardCheckException.class, () -> check(CardMethod.PIN, PIN));

        assertThat(failed.failure()).isEqualTo(CardCheckFailure.NO_CARD_TIMEOUT);
        assertThat(landedRow()).containsEntry("failure_reason", "no_card_timeout");
    }

    @Test
    void aCardPulledOutBetweenTwoApdusIsCounted() throws Exception {
        insert(registered).pullOutAfter(command -> command.length == 9 && command[1] == 0x20);

        CardCheckException failed = catchThrowableOfType(CardCheckException.class, () -> check(CardMethod.PIN, PIN));

        assertThat(failed.failure()).isEqualTo(CardCheckFailure.CARD_REMOVED);
        assertThat(landedRow()).containsEntry("failure_reason", "card_removed");
    }

    @Test
    void noReaderIsCounted() throws Exception {
        CardReader absent = new CardReader("No Such Reader 99", CARD_TIMEOUT);

        CardCheckException failed = catchThrowableOfType(CardCheckException.class,
                () -> client.check(CardMethod.PIN, challenge -> absent.read(CardMethod.PIN, challenge, PIN.toCharArray()), TODAY));

        assertThat(failed.failure()).isEqualTo(CardCheckFailure.NO_READER);
        assertThat(landedRow()).containsEntry("failure_reason", "no_reader");
    }

    @Test
    void anExpiredCertificateIsRefusedByTheRelay() throws Exception {
        insert(expired);

        assertThat(refusal(CardMethod.PIN, PIN).code()).isEqualTo("CARD-CERT-002");
        assertThat(landedRow()).containsEntry("result", "failed").containsEntry("failure_reason", "certificate_expired");
    }

    @Test
    void aRevokedCertificateIsRefusedByTheRelay() throws Exception {
        insert(revoked);

        assertThat(refusal(CardMethod.PIN, PIN).code()).isEqualTo("CARD-CERT-003");
        assertThat(landedRow()).containsEntry("failure_reason", "certificate_revoked");
    }

    @Test
    void aCardOfNobodyInTheRegistryIsNotFound() throws Exception {
        insert(unknownPerson);

        assertThat(refusal(CardMethod.PIN, PIN).code()).isEqualTo("CARD-PERSON-001");
        assertThat(landedRow()).containsEntry("failure_reason", "person_not_found");
    }

    @Test
    void aDateOutsideTheCertificationIsNotEligible() throws Exception {
        insert(registered);

        EligibilityAnswer answer = client.check(CardMethod.PIN,
                challenge -> reader.read(CardMethod.PIN, challenge, PIN.toCharArray()), TODAY.plusYears(1));

        assertThat(answer.eligible()).isFalse();
        assertThat(answer.code()).isEqualTo("CARD-ELIG-001");
        assertThat(landedRow()).containsEntry("result", "not_eligible");
    }

    @Test
    void anUnreachableRegistryIsAClearRetryableRefusal() throws Exception {
        Path eligibility = CardHome.of(home.config(new Properties())).eligibilityFolder();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(eligibility)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(file);
            }
        }
        insert(registered);

        CardCheckRefusedException refused = refusal(CardMethod.PIN, PIN);

        assertThat(refused.code()).isEqualTo("CARD-REG-001");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.retryable()).isTrue();
        assertThat(landedRow()).containsEntry("failure_reason", "registry_unreachable");
    }

    private static CardHome.Person person(IssuedCard card, LocalDate from, LocalDate to) {
        String number = card == registered ? "0000012345" : card == expired ? "0000023456" : "0000034567";
        return new CardHome.Person(card, INSURER, number, "要介護2", from, to, 1, List.of(OFFICE));
    }

    private CardEmulator insert(IssuedCard card) throws Exception {
        emulator = new CardEmulator(card, PIN).insert();
        Pcscd.awaitCard();
        return emulator;
    }

    private EligibilityAnswer check(CardMethod method, String pin) throws Exception {
        return client.check(method, challenge -> reader.read(method, challenge, pin == null ? null : pin.toCharArray()), TODAY);
    }

    private CardCheckRefusedException refusal(CardMethod method, String pin) {
        return catchThrowableOfType(CardCheckRefusedException.class, () -> check(method, pin));
    }

    /** Closes the relay (landing flushes on close) and returns the one card_checks row. */
    private Map<String, String> landedRow() throws Exception {
        relay.close();
        List<Map<String, String>> rows = LandingFolder.rows(home.landing(), LandingDataset.CARD_CHECKS);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("person_key")).doesNotContain("0000012345");
        return rows.get(0);
    }
}
