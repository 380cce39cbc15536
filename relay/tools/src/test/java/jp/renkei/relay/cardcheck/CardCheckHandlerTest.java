package jp.renkei.relay.cardcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.ingest.pseudonym.PersonPseudonymizer;
import jp.renkei.relay.cardemulator.pki.CardIssuer;
import jp.renkei.relay.cardemulator.pki.IssuedCard;
import jp.renkei.relay.testing.CardHome.Person;
import jp.renkei.relay.testing.CardHome;
import jp.renkei.relay.testing.LandingFolder;
import jp.renkei.relay.testing.MutableClock;
import jp.renkei.relay.testing.RelayClient.Reply;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Card checks against a relay over real HTTPS on an ephemeral port, with real certificates and signatures. */
class CardCheckHandlerTest {
    /** 居宅介護支援: the office registered as the person's office. */
    private static final String CARE_MANAGER = "3110000011";
    /** 訪問介護: a registered relay user, but not registered for the person. */
    private static final String HOME_HELP = "3110000029";
    private static final String INSURER = "310011";
    private static final String PERSON = "H310012345";
    private static final String LAPSED_PERSON = "H310067890";
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CardIssuer issuer;
    private static CardIssuer stranger;
    private static IssuedCard card;
    private static IssuedCard lapsedCard;
    private static IssuedCard unknownCard;
    private static IssuedCard expiredCard;
    private static IssuedCard revokedCard;
    private static IssuedCard strangerCard;

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(START);
    private RelayHome home;
    private CardHome cards;
    private RunningRelay relay;
    private RelayClient client;

    @BeforeAll
    static void issueCards() {
        issuer = CardIssuer.create("renkei test JPKI");
        stranger = CardIssuer.create("somebody else's CA");
        card = CardHome.validCard(issuer, "介護 花子", START);
        lapsedCard = CardHome.validCard(issuer, "介護 次郎", START);
        unknownCard = CardHome.validCard(issuer, "登録 なし", START);
        expiredCard = issuer.issue("期限 切れ", START.minus(Duration.ofDays(800)), START.minus(Duration.ofDays(1)));
        revokedCard = CardHome.validCard(issuer, "失効 済み", START);
        strangerCard = CardHome.validCard(stranger, "偽 造", START);
    }

    @BeforeEach
    void startRelay() throws Exception {
        home = RelayHome.create(folder, CARE_MANAGER, HOME_HELP);
        cards = CardHome.of(home.config(new Properties()))
                .trust(issuer, "jpki-test.pem")
                .register(INSURER,
                        person(card, PERSON, LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)),
                        person(lapsedCard, LAPSED_PERSON, LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31)),
                        person(expiredCard, "H310000001", LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)),
                        person(revokedCard, "H310000002", LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)))
                .revoke(revokedCard);
        relay = home.start(new Properties(), clock);
        client = relay.client();
    }

    @AfterEach
    void stopRelay() throws Exception {
        relay.close();
    }

    private static Person person(IssuedCard holder, String number, LocalDate from, LocalDate to) {
        return new Person(holder, INSURER, number, "要介護2", from, to, 1, List.of(CARE_MANAGER));
    }

    @Test
    void aGoodPinCheckAnswersTheEligibilityRecordAndWhetherTheOfficeIsRegistered() throws Exception {
        Reply reply = pinCheck(CARE_MANAGER, card, TODAY);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode answer = reply.json();
        assertThat(UUID.fromString(answer.get("check_id").asText())).isNotNull();
        assertThat(answer.get("result").asText()).isEqualTo("eligible");
        assertThat(answer.get("insurer_number").asText()).isEqualTo(INSURER);
        assertThat(answer.get("insured_person_number").asText()).isEqualTo(PERSON);
        assertThat(answer.get("care_level").asText()).isEqualTo("要介護2");
        assertThat(answer.get("certification_valid_from").asText()).isEqualTo("2026-04-01");
        assertThat(answer.get("certification_valid_to").asText()).isEqualTo("2027-03-31");
        assertThat(answer.get("copayment_ratio").asInt()).isEqualTo(1);
        assertThat(answer.get("registered_office").asBoolean()).isTrue();
        assertThat(answer.has("code")).isFalse();

        Reply other = pinCheck(HOME_HELP, card, TODAY);
        assertThat(other.json().get("result").asText()).isEqualTo("eligible");
        assertThat(other.json().get("registered_office").asBoolean()).isFalse();
        assertThat(other.json().has("insured_person_number")).as("an office not the person's gets no record").isFalse();
        assertThat(other.json().get("withheld_because").asText()).isEqualTo("office_not_registered_for_person");
    }

    @Test
    void aChallengeIsThirtyTwoRandomBytesValidForSixtySeconds() throws Exception {
        Reply reply = client.as(CARE_MANAGER).post(CardCheckHandler.CHALLENGES, new byte[0]);

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        JsonNode challenge = reply.json();
        assertThat(Base64.getDecoder().decode(challenge.get("challenge").asText())).hasSize(32);
        assertThat(Instant.parse(challenge.get("expires_at").asText())).isEqualTo(START.plusSeconds(60));
        assertThat(challenge(CARE_MANAGER).get("challenge").asText()).isNotEqualTo(challenge.get("challenge").asText());
    }

    /**
     * A face or visual check carries no card signature, so a copy of the card's public certificate is all it takes:
     * it used to answer the 被保険者番号, care level and copayment to any office, registered or not. Now only the
     * person's own office gets an answer, without the record, and a limited number an hour.
     */
    @Test
    void faceAndVisualChecksNeedNoSignatureButAVerifiedCertificateAndAnswerNoPersonalData() throws Exception {
        JsonNode challenge = challenge(CARE_MANAGER);
        Reply face = check(CARE_MANAGER, body(challenge, "face", card, null, TODAY));
        assertThat(face.status()).as(face.text()).isEqualTo(200);
        assertThat(face.json().get("result").asText()).isEqualTo("eligible");
        assertThat(face.json().get("personal_data").asText()).isEqualTo("withheld");
        assertThat(face.json().get("withheld_because").asText()).isEqualTo("no_card_signature");
        assertThat(face.text()).doesNotContain(PERSON).doesNotContain("要介護");

        Reply notTheirs = check(HOME_HELP, body(challenge(HOME_HELP), "face", card, null, TODAY));
        assertThat(notTheirs.status()).as(notTheirs.text()).isEqualTo(403);
        assertThat(notTheirs.code()).isEqualTo("CARD-PRIV-001");
        assertThat(notTheirs.text()).doesNotContain(PERSON);

        Reply visual = check(CARE_MANAGER, body(challenge(CARE_MANAGER), "visual", expiredCard, null, TODAY));
        assertThat(visual.status()).isEqualTo(403);
        assertThat(visual.code()).isEqualTo("CARD-CERT-002");
    }

    @Test
    void aPersonWhoseCertificationEndedBeforeTheCheckDateIsNotEligibleButGetsTheRecord() throws Exception {
        Reply reply = pinCheck(CARE_MANAGER, lapsedCard, TODAY);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode answer = reply.json();
        assertThat(answer.get("result").asText()).isEqualTo("not_eligible");
        assertThat(answer.get("code").asText()).isEqualTo("CARD-ELIG-001");
        assertThat(answer.get("message_ja").asText()).contains("認定の有効期間外");
        assertThat(answer.get("certification_valid_to").asText()).isEqualTo("2026-03-31");
        // the same person was eligible on the last day of the period
        assertThat(pinCheck(CARE_MANAGER, lapsedCard, LocalDate.of(2026, 3, 31)).json().get("result").asText())
                .isEqualTo("eligible");
    }

    @Test
    void withoutACheckDateTheRelayAsksForTodayInJapan() throws Exception {
        JsonNode challenge = challenge(CARE_MANAGER);
        Reply reply = check(CARE_MANAGER, body(challenge, "pin", card, sign(card, challenge), null));

        assertThat(reply.json().get("result").asText()).isEqualTo("eligible");
    }

    @Test
    void aCardTheRegistryDoesNotKnowIsPersonNotFound() throws Exception {
        assertRefused(pinCheck(CARE_MANAGER, unknownCard, TODAY), 404, "CARD-PERSON-001");
    }

    @Test
    void aCertificateFromAnUntrustedIssuerIsRefused() throws Exception {
        assertRefused(pinCheck(CARE_MANAGER, strangerCard, TODAY), 403, "CARD-CERT-001");
    }

    @Test
    void anExpiredCertificateIsRefused() throws Exception {
        assertRefused(pinCheck(CARE_MANAGER, expiredCard, TODAY), 403, "CARD-CERT-002");
    }

    @Test
    void aRevokedCertificateIsRefused() throws Exception {
        assertRefused(pinCheck(CARE_MANAGER, revokedCard, TODAY), 403, "CARD-CERT-003");
    }

    @Test
    void aSignatureByAnotherKeyOrOverAnotherChallengeIsRefused() throws Exception {
        JsonNode challenge = challenge(CARE_MANAGER);
        byte[] byAnotherKey = CardHome.sign(unknownCard.keyPair().getPrivate(), bytes(challenge));
        assertRefused(check(CARE_MANAGER, body(challenge, "pin", card, byAnotherKey, TODAY)), 403, "CARD-SIG-001");

        JsonNode first = challenge(CARE_MANAGER);
        JsonNode second = challenge(CARE_MANAGER);
        assertRefused(check(CARE_MANAGER, body(second, "pin", card, sign(card, first), TODAY)), 403, "CARD-SIG-001");
    }

    @Test
    void aChallengeWorksOnceOnlyForItsOfficeAndOnlyForSixtySeconds() throws Exception {
        JsonNode used = challenge(CARE_MANAGER);
        assertThat(check(CARE_MANAGER, body(used, "pin", card, sign(card, used), TODAY)).status()).isEqualTo(200);
        assertRefused(check(CARE_MANAGER, body(used, "pin", card, sign(card, used), TODAY)), 409, "CARD-CHAL-001");

        JsonNode othersChallenge = challenge(CARE_MANAGER);
        assertRefused(check(HOME_HELP, body(othersChallenge, "pin", card, sign(card, othersChallenge), TODAY)),
                409, "CARD-CHAL-001");

        JsonNode stale = challenge(CARE_MANAGER);
        clock.advance(Duration.ofSeconds(60));
        assertRefused(check(CARE_MANAGER, body(stale, "pin", card, sign(card, stale), TODAY)), 409, "CARD-CHAL-001");

        Map<String, Object> invented = body(stale, "pin", card, sign(card, stale), TODAY);
        invented.put("challenge_id", UUID.randomUUID().toString());
        assertRefused(check(CARE_MANAGER, invented), 409, "CARD-CHAL-001");
    }

    @Test
    void anUnreachableRegistryIsRetriedThenRefusedWith503AndRetryAfter() throws Exception {
        Path moved = folder.resolve("eligibility-offline");
        Files.move(cards.eligibilityFolder(), moved);

        Reply reply = pinCheck(CARE_MANAGER, card, TODAY);

        assertRefused(reply, 503, "CARD-REG-001");
        assertThat(reply.headers().firstValue("Retry-After")).hasValue("5");

        Files.move(moved, cards.eligibilityFolder());
        assertThat(pinCheck(CARE_MANAGER, card, TODAY).json().get("result").asText()).isEqualTo("eligible");
    }

    /**
     * One office asking for challenges in a loop, past the relay's whole capacity, used to evict everyone's oldest
     * challenge, so that no other office's check could succeed. Now it only replaces its own.
     */
    @Test
    void aChallengeFloodFromOneOfficeDoesNotFailAnotherOfficesCheck() throws Exception {
        relay.close();
        Properties smallStore = new Properties();
        smallStore.setProperty("relay.card-check.challenge-capacity", "20");
        relay = home.start(smallStore, clock);
        client = relay.client();
        JsonNode honest = challenge(CARE_MANAGER);

        for (int i = 0; i < 30; i++) {
            challenge(HOME_HELP);
        }

        Reply reply = check(CARE_MANAGER, body(honest, "pin", card, sign(card, honest), TODAY));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("result").asText()).isEqualTo("eligible");
    }

    /** Ignoring a line that is not a serial would trust the card it was meant to revoke: every check waits for a fix. */
    @Test
    void aMalformedCardRevocationListRefusesEveryCheckUntilItIsFixed() throws Exception {
        Path list = cards.eligibilityFolder().resolve("revoked-serials.txt");
        String before = Files.exists(list) ? Files.readString(list) : null;
        Files.writeString(list, (before == null ? "" : before) + "not-a-serial\n");

        assertRefused(pinCheck(CARE_MANAGER, card, TODAY), 503, "CARD-REG-001");

        if (before == null) {
            Files.delete(list);
        } else {
            Files.writeString(list, before);
        }
        assertThat(pinCheck(CARE_MANAGER, card, TODAY).json().get("result").asText()).isEqualTo("eligible");
    }

    @Test
    void faceAndVisualChecksAreLimitedPerOfficeAndHour() throws Exception {
        for (int i = 0; i < UnsignedCheckLimit.DEFAULT_PER_HOUR; i++) {
            Reply face = check(CARE_MANAGER, body(challenge(CARE_MANAGER), "face", card, null, TODAY));
            assertThat(face.status()).as("check %d: %s", i + 1, face.text()).isEqualTo(200);
        }
        Reply over = check(CARE_MANAGER, body(challenge(CARE_MANAGER), "visual", card, null, TODAY));
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.code()).isEqualTo("CARD-RATE-001");
        assertThat(pinCheck(CARE_MANAGER, card, TODAY).json().get("insured_person_number").asText())
                .as("a PIN check proves the card and is not limited").isEqualTo(PERSON);

        clock.advance(Duration.ofHours(1));
        assertThat(check(CARE_MANAGER, body(challenge(CARE_MANAGER), "face", card, null, TODAY)).status()).isEqualTo(200);
    }

    @Test
    void anOfficeSideFailureIsRecordedAsFailed() throws Exception {
        Map<String, Object> wrongPin = new LinkedHashMap<>();
        wrongPin.put("challenge_id", challenge(CARE_MANAGER).get("challenge_id").asText());
        wrongPin.put("method", "pin");
        wrongPin.put("check_date", TODAY.toString());
        wrongPin.put("client_latency_ms", 1_200);
        wrongPin.put("failure_reason", "wrong_pin");

        Reply reply = check(CARE_MANAGER, wrongPin);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("result").asText()).isEqualTo("failed");
        assertThat(reply.json().get("failure_reason").asText()).isEqualTo("wrong_pin");
        relay.close();
        assertThat(LandingFolder.rows(home.landing(), LandingDataset.CARD_CHECKS)).singleElement().satisfies(row -> {
            assertThat(row.get("check_id")).isEqualTo(reply.json().get("check_id").asText());
            assertThat(row.get("result")).isEqualTo("failed");
            assertThat(row.get("failure_reason")).isEqualTo("wrong_pin");
            assertThat(row.get("method")).isEqualTo("pin");
            assertThat(row.get("person_key")).isEmpty();
            assertThat(Long.parseLong(row.get("latency_ms"))).isGreaterThanOrEqualTo(1_200);
        });
    }

    @Test
    void malformedRequestsAreRefusedWith400() throws Exception {
        JsonNode challenge = challenge(CARE_MANAGER);
        assertRefused(check(CARE_MANAGER, body(challenge, "pin", card, null, TODAY)), 400, "CARD-REQ-001");
        assertRefused(check(CARE_MANAGER, body(challenge(CARE_MANAGER), "iris", card, null, TODAY)), 400, "CARD-REQ-001");
        Reply notJson = client.as(CARE_MANAGER).post(CardCheckHandler.PATH, "{".getBytes(StandardCharsets.UTF_8));
        assertRefused(notJson, 400, "CARD-REQ-001");
        Map<String, Object> noMethod = body(challenge(CARE_MANAGER), "face", card, null, TODAY);
        noMethod.remove("method");
        assertRefused(check(CARE_MANAGER, noMethod), 400, "CARD-REQ-001");
        Map<String, Object> notACertificate = body(challenge(CARE_MANAGER), "face", card, null, TODAY);
        notACertificate.put("certificate", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));
        assertRefused(check(CARE_MANAGER, notACertificate), 400, "CARD-REQ-001");
    }

    @Test
    void callersWithoutAnOfficeCertificateAreRefusedAndNothingLands() throws Exception {
        Reply anonymous = client.post(CardCheckHandler.CHALLENGES, new byte[0], Map.of("X-Renkei-Office", CARE_MANAGER));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("RELAY-CERT-001");
        Reply anonymousCheck = client.post(CardCheckHandler.PATH, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(anonymousCheck.status()).isEqualTo(401);
        assertThat(client.as(CARE_MANAGER).get(CardCheckHandler.CHALLENGES).status()).isEqualTo(405);

        relay.close();
        assertThat(LandingFolder.rows(home.landing(), LandingDataset.CARD_CHECKS)).isEmpty();
    }

    @Test
    void afterCloseEveryCheckHasLandedOnceUnderItsPersonKeyAndNoClearNumberAnywhere() throws Exception {
        String eligible = pinCheck(CARE_MANAGER, card, TODAY).json().get("check_id").asText();
        String notEligible = pinCheck(HOME_HELP, lapsedCard, TODAY).json().get("check_id").asText();
        String expired = pinCheck(CARE_MANAGER, expiredCard, TODAY).json().get("check_id").asText();
        JsonNode faceChallenge = challenge(CARE_MANAGER);
        String face = check(CARE_MANAGER, body(faceChallenge, "face", card, null, TODAY)).json().get("check_id").asText();
        String malformed = client.as(CARE_MANAGER).post(CardCheckHandler.PATH, "[]".getBytes(StandardCharsets.UTF_8))
                .json().get("check_id").asText();

        relay.close();

        PersonPseudonymizer pseudonymizer = new PersonPseudonymizer(RelayHome.PSEUDONYM_KEY);
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (Map<String, String> row : LandingFolder.rows(home.landing(), LandingDataset.CARD_CHECKS)) {
            assertThat(rows.put(row.get("check_id"), row)).as("check %s landed twice", row.get("check_id")).isNull();
        }
        assertThat(rows).containsOnlyKeys(eligible, notEligible, expired, face, malformed);
        assertThat(rows.get(eligible)).containsEntry("office", CARE_MANAGER).containsEntry("insurer", INSURER)
                .containsEntry("person_key", pseudonymizer.personKey(PERSON)).containsEntry("method", "pin")
                .containsEntry("result", "eligible").containsEntry("failure_reason", "")
                .containsEntry("checked_at", START.toString());
        assertThat(rows.get(notEligible)).containsEntry("office", HOME_HELP)
                .containsEntry("person_key", pseudonymizer.personKey(LAPSED_PERSON))
                .containsEntry("result", "not_eligible").containsEntry("failure_reason", "");
        assertThat(rows.get(expired)).containsEntry("insurer", "").containsEntry("person_key", "")
                .containsEntry("result", "failed").containsEntry("failure_reason", "certificate_expired");
        assertThat(rows.get(face)).containsEntry("method", "face").containsEntry("result", "eligible");
        assertThat(rows.get(malformed)).containsEntry("method", "").containsEntry("result", "failed")
                .containsEntry("failure_reason", "malformed_request");
        assertThat(rows.values()).allSatisfy(row -> assertThat(row.get("latency_ms")).matches("\\d+"));
        assertThat(LandingFolder.everyFile(home.landing())).isNotEmpty().allSatisfy(file ->
                assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("clear 被保険者番号 in %s", file)
                        .doesNotContain(PERSON, LAPSED_PERSON, "H310000001"));
    }

    private Reply pinCheck(String office, IssuedCard holder, LocalDate checkDate) throws Exception {
        JsonNode challenge = challenge(office);
        return check(office, body(challenge, "pin", holder, sign(holder, challenge), checkDate));
    }

    private JsonNode challenge(String office) throws Exception {
        Reply reply = client.as(office).post(CardCheckHandler.CHALLENGES, new byte[0]);
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json();
    }

    private Reply check(String office, Map<String, Object> body) throws Exception {
        return client.as(office).post(CardCheckHandler.PATH, JSON.writeValueAsBytes(body));
    }

    private static Map<String, Object> body(JsonNode challenge, String method, IssuedCard holder, byte[] signature,
            LocalDate checkDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("challenge_id", challenge.get("challenge_id").asText());
        body.put("method", method);
        body.put("certificate", Base64.getEncoder().encodeToString(holder.certificateDer()));
        body.put("signature", signature == null ? null : Base64.getEncoder().encodeToString(signature));
        body.put("check_date", checkDate == null ? null : checkDate.toString());
        body.put("client_latency_ms", 40);
        body.put("failure_reason", null);
        return body;
    }

    private static byte[] bytes(JsonNode challenge) {
        return Base64.getDecoder().decode(challenge.get("challenge").asText());
    }

    private static byte[] sign(IssuedCard holder, JsonNode challenge) {
        return CardHome.sign(holder.keyPair().getPrivate(), bytes(challenge));
    }

    private static void assertRefused(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.json().get("message_ja").asText()).isNotBlank();
        assertThat(reply.json().get("check_id").asText()).isNotBlank();
    }
}
