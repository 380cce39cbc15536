package jp.renkei.relay.cardcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import jp.renkei.ingest.io.JapanTime;
import jp.renkei.relay.http.OfficeAuthentication;
import jp.renkei.relay.http.RelayExchange;
import jp.renkei.relay.http.RelayRoute;

/**
 * {@code POST /api/v1/card-checks/challenges} hands out a one-time challenge; {@code POST /api/v1/card-checks} checks
 * a card reading against it (or records an office-side failure) and answers with the eligibility record. Callers
 * are identified like uploads, by their office client certificate ({@link OfficeAuthentication}). Every call of the second endpoint from an
 * authenticated office lands exactly one {@code card_checks} row, refused or not.
 */
public final class CardCheckHandler implements RelayRoute {
    public static final String PATH = "/api/v1/card-checks";
    static final String CHALLENGES = PATH + "/challenges";
    static final String NOT_ELIGIBLE_CODE = "CARD-ELIG-001";
    static final String NOT_ELIGIBLE_MESSAGE = "the person is not eligible on the check date";
    static final String NOT_ELIGIBLE_MESSAGE_JA =
            "確認日は要介護認定の有効期間外です。認定有効期間と更新申請の状況を利用者・保険者（市区町村）に確認してください。";
    private static final ZoneId JAPAN = JapanTime.ZONE;
    private static final int MAXIMUM_BODY_BYTES = 64 * 1024;
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final System.Logger LOG = System.getLogger(CardCheckHandler.class.getName());

    private final ObjectMapper json = new ObjectMapper();
    private final OfficeAuthentication authentication;
    private final ChallengeStore challenges;
    private final CardCertificateVerifier verifier;
    private final EligibilityRegistry registry;
    private final CardCheckLanding landing;
    private final UnsignedCheckLimit unsignedChecks;
    private final Clock clock;

    CardCheckHandler(OfficeAuthentication authentication, ChallengeStore challenges, CardCertificateVerifier verifier,
            EligibilityRegistry registry, CardCheckLanding landing, Clock clock) {
        this.authentication = authentication;
        this.unsignedChecks = new UnsignedCheckLimit(UnsignedCheckLimit.DEFAULT_PER_HOUR, clock);
        this.challenges = challenges;
        this.verifier = verifier;
        this.registry = registry;
        this.landing = landing;
        this.clock = clock;
    }

    /**
     * The handler for a relay: trusted issuers and the CSV registry from {@code config}'s folders.
     *
     * @param authentication identifies the calling office by its client certificate
     */
    public static CardCheckHandler create(CardCheckConfig config, OfficeAuthentication authentication,
            CardCheckLanding landing, Clock clock) throws IOException {
        return create(config, authentication, new CsvEligibilityRegistry(config.eligibilityFolder()), landing, clock);
    }

    /** The same with another eligibility source. */
    public static CardCheckHandler create(CardCheckConfig config, OfficeAuthentication authentication,
            EligibilityRegistry source, CardCheckLanding landing, Clock clock) throws IOException {
        Path revocationList = config.revocationList();
        return new CardCheckHandler(authentication,
                new ChallengeStore(clock, config.challengeValidity(), config.challengeCapacity()),
                CardCertificateVerifier.load(config.issuersFolder(), revocationList),
                new RetryingRegistry(source, config.registryAttempts(), config.registryBackOff()),
                landing, clock);
    }

    @Override
    public void handle(RelayExchange exchange) throws IOException {
        long started = System.nanoTime();
        String path = exchange.path();
        if (!path.equals(PATH) && !path.equals(CHALLENGES)) {
            error(exchange, 404, "RELAY-PATH-001", "no such endpoint; use " + CHALLENGES + " or " + PATH, null);
            return;
        }
        if (!"POST".equals(exchange.method())) {
            error(exchange, 405, "RELAY-METHOD-001", "use POST", null);
            return;
        }
        Optional<String> caller = authentication.office(exchange);
        if (caller.isEmpty()) {
            return;
        }
        String office = caller.get();
        if (path.equals(CHALLENGES)) {
            issueChallenge(exchange, office);
        } else {
            check(exchange, office, started);
        }
    }

    private void issueChallenge(RelayExchange exchange, String office) throws IOException {
        exchange.body().close();
        java.util.Optional<ChallengeStore.Challenge> issued = challenges.issue(office);
        if (issued.isEmpty()) {
            long retry = Math.max(1, challenges.validity().toSeconds());
            exchange.setResponseHeader("Retry-After", Long.toString(retry));
            exchange.error(503, "CARD-CHAL-002", "the relay holds as many open challenges as it may; retry in " + retry
                    + " s", Map.of("message_ja", "確認の受付が混み合っています。" + retry + " 秒後にやり直してください。"));
            return;
        }
        ChallengeStore.Challenge challenge = issued.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("challenge_id", challenge.id().toString());
        body.put("challenge", Base64.getEncoder().encodeToString(challenge.bytes()));
        body.put("expires_at", challenge.expiresAt().toString());
        reply(exchange, 201, body);
    }

    private void check(RelayExchange exchange, String office, long started) throws IOException {
        Instant checkedAt = clock.instant();
        String checkId = UUID.randomUUID().toString();
        JsonNode tree = null;
        CardCheckRequest request = null;
        EligibilityRecord record = null;
        try {
            tree = CardCheckRequest.tree(json, readBody(exchange));
            request = CardCheckRequest.parse(tree);
            if (request.failureReason() != null) {
                recordOfficeFailure(exchange, office, checkId, request, checkedAt, started);
                return;
            }
            UUID challengeId = request.challengeId();
            byte[] challenge = challenges.consume(challengeId, office).orElseThrow(() ->
                    new CheckRefusedException(CardCheckRefusal.CHALLENGE_INVALID, "challenge " + challengeId));
            X509Certificate certificate = CardCertificateVerifier.parse(request.certificate());
            verifier.checkCertificate(certificate, checkedAt);
            if (request.signature() != null) {
                verifier.checkSignature(certificate, challenge, request.signature());
            }
            record = resolve(certificate);
            boolean cardProven = request.signature() != null;
            boolean entitled = record.registers(office);
            if (!cardProven) {
                // No signature: a copy of the card's (public) certificate is enough to ask. Only the person's own
                // offices get an answer, a limited number an hour, and never the record itself.
                if (!entitled) {
                    throw new CheckRefusedException(CardCheckRefusal.NOT_ENTITLED, "unsigned check by an office not"
                            + " registered for the person");
                }
                if (!unsignedChecks.tryTake(office)) {
                    throw new CheckRefusedException(CardCheckRefusal.UNSIGNED_LIMIT, "unsigned checks of this hour used");
                }
                LOG.log(System.Logger.Level.INFO, "card check {0}: office {1} checked by {2} without a card signature;"
                        + " answered without personal data", checkId, office, request.method());
            }
            LocalDate checkDate = request.checkDate() != null ? request.checkDate() : LocalDate.ofInstant(checkedAt, JAPAN);
            boolean eligible = record.eligibleOn(checkDate);
            String result = eligible ? "eligible" : "not_eligible";
            land(checkId, office, record, request.method(), result, null, request, started, checkedAt);
            reply(exchange, 200, answer(checkId, result, record, office, eligible, cardProven && entitled,
                    cardProven ? "office_not_registered_for_person" : "no_card_signature"));
        } catch (CheckRefusedException refused) {
            CardCheckRefusal refusal = refused.refusal();
            String method = request != null ? request.method() : CardCheckRequest.methodOf(tree);
            land(checkId, office, record, method, "failed", refusal.reason(), request, started, checkedAt);
            LOG.log(System.Logger.Level.INFO, "card check {0} of office {1} refused: {2}", checkId, office,
                    refused.getMessage());
            if (refusal == CardCheckRefusal.REGISTRY_UNREACHABLE) {
                exchange.setResponseHeader("Retry-After", RETRY_AFTER_SECONDS);
            }
            error(exchange, refusal.status(), refusal.code(), refusal.message(), refusal.messageJa(), checkId);
        }
    }

    /** The office could not read the card (no reader, wrong PIN, …): the check lands as failed with its reason. */
    private void recordOfficeFailure(RelayExchange exchange, String office, String checkId, CardCheckRequest request,
            Instant checkedAt, long started) throws IOException {
        if (request.challengeId() != null) {
            challenges.consume(request.challengeId(), office); // spent either way
        }
        land(checkId, office, null, request.method(), "failed", request.failureReason(), request, started, checkedAt);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("check_id", checkId);
        body.put("result", "failed");
        body.put("failure_reason", request.failureReason());
        reply(exchange, 200, body);
    }

    private EligibilityRecord resolve(X509Certificate certificate) throws CheckRefusedException {
        Optional<EligibilityRecord> found;
        try {
            found = registry.find(CertificateSerials.of(certificate));
        } catch (RegistryUnavailableException unavailable) {
            LOG.log(System.Logger.Level.ERROR, "eligibility registry unavailable after retries: {0}", unavailable.getMessage());
            throw new CheckRefusedException(CardCheckRefusal.REGISTRY_UNREACHABLE, unavailable.getMessage());
        }
        return found.orElseThrow(() -> new CheckRefusedException(CardCheckRefusal.PERSON_NOT_FOUND,
                "the registry knows no person for the certificate"));
    }

    private void land(String checkId, String office, EligibilityRecord record, String method, String result,
            String failureReason, CardCheckRequest request, long started, Instant checkedAt) {
        long relayMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        long clientMillis = request != null ? request.clientLatencyMillis() : 0;
        landing.add(new CardCheckLanding.Check(checkId, office, record == null ? null : record.insurerNumber(),
                record == null ? null : record.insuredPersonNumber(), method, result, failureReason,
                clientMillis + relayMillis, checkedAt));
    }

    /**
     * The answer; the person's record (numbers, care level, period, copayment) only when {@code disclose}: the card
     * signed the challenge (it is in the reader now) and the office is registered as the person's.
     */
    private static Map<String, Object> answer(String checkId, String result, EligibilityRecord record, String office,
            boolean eligible, boolean disclose, String withheldBecause) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("check_id", checkId);
        body.put("result", result);
        if (!eligible) {
            body.put("code", NOT_ELIGIBLE_CODE);
            body.put("message", NOT_ELIGIBLE_MESSAGE);
            body.put("message_ja", NOT_ELIGIBLE_MESSAGE_JA);
        }
        body.put("registered_office", record.registers(office));
        if (!disclose) {
            body.put("personal_data", "withheld");
            body.put("withheld_because", withheldBecause);
            return body;
        }
        body.put("insurer_number", record.insurerNumber());
        body.put("insured_person_number", record.insuredPersonNumber());
        body.put("care_level", record.careLevel());
        body.put("certification_valid_from", record.certificationValidFrom().toString());
        body.put("certification_valid_to", record.certificationValidTo().toString());
        body.put("copayment_ratio", record.copaymentRatio());
        return body;
    }

    private static byte[] readBody(RelayExchange exchange) throws IOException, CheckRefusedException {
        try (InputStream body = exchange.body()) {
            byte[] content = body.readNBytes(MAXIMUM_BODY_BYTES + 1);
            if (content.length > MAXIMUM_BODY_BYTES) {
                throw new CheckRefusedException(CardCheckRefusal.MALFORMED_REQUEST,
                        "the body exceeds " + MAXIMUM_BODY_BYTES + " bytes");
            }
            return content;
        }
    }

    private void error(RelayExchange exchange, int status, String code, String message, String checkId) throws IOException {
        error(exchange, status, code, message, null, checkId);
    }

    private void error(RelayExchange exchange, int status, String code, String message, String messageJa, String checkId)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        if (messageJa != null) {
            body.put("message_ja", messageJa);
        }
        if (checkId != null) {
            body.put("check_id", checkId);
        }
        reply(exchange, status, body);
    }

    private void reply(RelayExchange exchange, int status, Map<String, Object> body) throws IOException {
        exchange.json(status, body);
    }
}
