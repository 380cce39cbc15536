package jp.renkei.relay.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.renkei.relay.pki.OfficeCredentials;

/**
 * The office agent's side of a card check against the relay (docs/card-check.md): ask for a challenge, read the
 * card with it, post the reading — or, when the reading failed at the office, post the failure so that it is counted
 * too. {@link #check} does all three. The relay knows the office from its client certificate (mutual TLS).
 */
public final class CardCheckClient {
    static final String CHALLENGES = "/api/v1/card-checks/challenges";
    static final String CHECKS = "/api/v1/card-checks";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A one-time challenge from the relay. */
    public record Challenge(String id, byte[] bytes, Instant expiresAt) {
    }

    /** Reads the card for a challenge: {@code challenge -> reader.read(method, challenge, pin)}. */
    @FunctionalInterface
    public interface CardRead {
        CardReading read(byte[] challenge) throws CardCheckException;
    }

    private final HttpClient http;
    private final URI relay;

    /**
     * @param credentials the checking office's key and client certificate
     * @param relayCertificate the relay's certificate (PEM), the only one this client trusts
     */
    public CardCheckClient(URI relay, OfficeCredentials credentials, Path relayCertificate)
            throws IOException, GeneralSecurityException {
        this.http = HttpClient.newBuilder().sslContext(credentials.clientContext(relayCertificate))
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.relay = relay;
    }

    /**
     * One whole check: challenge, card, relay. A failure at the office is reported to the relay and then rethrown,
     * so the caller shows {@link CardCheckException#messageJa()}.
     *
     * @throws CardCheckException        the card could not be read (no reader, wrong PIN, …)
     * @throws CardCheckRefusedException the relay refused the check (certificate, person, registry, …)
     * @throws IOException               the relay could not be reached
     */
    public EligibilityAnswer check(CardMethod method, CardRead card, LocalDate checkDate)
            throws CardCheckException, CardCheckRefusedException, IOException, InterruptedException {
        Challenge challenge = requestChallenge();
        long started = System.nanoTime();
        CardReading reading;
        try {
            reading = card.read(challenge.bytes());
        } catch (CardCheckException failed) {
            reportFailure(challenge, method, failed.failure(), checkDate, (System.nanoTime() - started) / 1_000_000);
            throw failed;
        }
        return submit(challenge, reading, checkDate);
    }

    public Challenge requestChallenge() throws CardCheckRefusedException, IOException, InterruptedException {
        JsonNode body = post(CHALLENGES, new byte[0], 201);
        return new Challenge(body.get("challenge_id").asText(), Base64.getDecoder().decode(body.get("challenge").asText()),
                Instant.parse(body.get("expires_at").asText()));
    }

    /** Posts a reading made with {@code challenge}; returns the eligibility record or throws the relay's refusal. */
    public EligibilityAnswer submit(Challenge challenge, CardReading reading, LocalDate checkDate)
            throws CardCheckRefusedException, IOException, InterruptedException {
        Map<String, Object> request = request(challenge, reading.method(), checkDate, reading.latencyMillis());
        request.put("certificate", Base64.getEncoder().encodeToString(reading.certificateDer()));
        request.put("signature", reading.signature() == null ? null : Base64.getEncoder().encodeToString(reading.signature()));
        JsonNode answer = post(CHECKS, JSON.writeValueAsBytes(request), 200);
        return new EligibilityAnswer(
                answer.get("check_id").asText(),
                "eligible".equals(answer.get("result").asText()),
                answer.path("code").asText(null),
                answer.path("message_ja").asText(null),
                // Withheld (null) unless the card signed and the office is registered as the person's.
                answer.path("insurer_number").asText(null),
                answer.path("insured_person_number").asText(null),
                answer.path("care_level").asText(null),
                answer.has("certification_valid_from") ? LocalDate.parse(answer.get("certification_valid_from").asText()) : null,
                answer.has("certification_valid_to") ? LocalDate.parse(answer.get("certification_valid_to").asText()) : null,
                answer.path("copayment_ratio").asInt(0),
                answer.get("registered_office").asBoolean());
    }

    /**
     * Records a check that failed at the office; {@code challenge} may be null (e.g. it expired while waiting for
     * the card). Returns the relay's check id.
     */
    public String reportFailure(Challenge challenge, CardMethod method, CardCheckFailure failure, LocalDate checkDate,
            long latencyMillis) throws CardCheckRefusedException, IOException, InterruptedException {
        Map<String, Object> request = request(challenge, method, checkDate, latencyMillis);
        request.put("certificate", null);
        request.put("signature", null);
        request.put("failure_reason", failure.reason());
        return post(CHECKS, JSON.writeValueAsBytes(request), 200).get("check_id").asText();
    }

    private static Map<String, Object> request(Challenge challenge, CardMethod method, LocalDate checkDate,
            long latencyMillis) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("challenge_id", challenge == null ? null : challenge.id());
        request.put("method", method.wireName());
        request.put("check_date", checkDate == null ? null : checkDate.toString());
        request.put("client_latency_ms", Math.max(0, latencyMillis));
        request.put("failure_reason", null);
        return request;
    }

    private JsonNode post(String path, byte[] body, int expectedStatus)
            throws CardCheckRefusedException, IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(relay.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException notJson) {
            throw new IOException("the relay answered HTTP " + response.statusCode() + " without JSON", notJson);
        }
        if (response.statusCode() != expectedStatus || answer == null) {
            throw new CardCheckRefusedException(response.statusCode(),
                    answer == null ? "RELAY-HTTP-" + response.statusCode() : answer.path("code").asText("RELAY-HTTP-" + response.statusCode()),
                    answer == null ? "" : answer.path("message").asText(""),
                    answer == null ? "中継サーバーから応答がありませんでした。" : answer.path("message_ja")
                            .asText("中継サーバーが確認を受け付けませんでした。連携ソフトの設定を確認してください。"),
                    answer == null ? null : answer.path("check_id").asText(null));
        }
        return answer;
    }
}
