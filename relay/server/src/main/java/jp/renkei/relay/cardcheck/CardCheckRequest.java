package jp.renkei.relay.cardcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * The body of {@code POST /api/v1/card-checks} (docs/card-check.md), parsed and checked for shape only.
 *
 * @param challengeId    required unless a failure is reported
 * @param method         {@code pin}, {@code face} or {@code visual}
 * @param certificate    the card's certificate (DER); null when a failure is reported
 * @param signature      the card's signature over the challenge; required for {@code pin}
 * @param checkDate      the date the eligibility is asked for; null means today in Japan
 * @param clientLatencyMillis the agent's own time for the check (card and reader), 0 when not given
 * @param failureReason  an office-side failure ({@code wrong_pin}, …) or null
 */
record CardCheckRequest(UUID challengeId, String method, byte[] certificate, byte[] signature, LocalDate checkDate,
        long clientLatencyMillis, String failureReason) {

    static final Set<String> METHODS = Set.of("pin", "face", "visual");
    private static final String REASON = "[a-z][a-z0-9_]{0,39}";

    /** The method if the body names a valid one, for the landed row of a request refused as malformed. */
    static String methodOf(JsonNode body) {
        String method = body == null ? null : body.path("method").asText(null);
        return method != null && METHODS.contains(method) ? method : null;
    }

    static JsonNode tree(ObjectMapper json, byte[] body) throws CheckRefusedException {
        try {
            JsonNode tree = json.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw malformed("the body must be a JSON object");
            }
            return tree;
        } catch (IOException notJson) {
            throw malformed("the body is not JSON");
        }
    }

    static CardCheckRequest parse(JsonNode body) throws CheckRefusedException {
        String method = text(body, "method");
        if (method == null || !METHODS.contains(method)) {
            throw malformed("method must be pin, face or visual");
        }
        String failureReason = text(body, "failure_reason");
        if (failureReason != null && !failureReason.matches(REASON)) {
            throw malformed("failure_reason must be a lower-case word such as wrong_pin");
        }
        String challengeText = text(body, "challenge_id");
        UUID challengeId = null;
        if (challengeText != null) {
            try {
                challengeId = UUID.fromString(challengeText);
            } catch (IllegalArgumentException notAUuid) {
                throw malformed("challenge_id is not a UUID");
            }
        } else if (failureReason == null) {
            throw malformed("challenge_id is required");
        }
        byte[] certificate = base64(body, "certificate");
        byte[] signature = base64(body, "signature");
        if (failureReason == null && certificate == null) {
            throw malformed("certificate is required unless failure_reason is given");
        }
        if (failureReason == null && "pin".equals(method) && signature == null) {
            throw malformed("a pin check needs the card's signature over the challenge");
        }
        LocalDate checkDate = null;
        String dateText = text(body, "check_date");
        if (dateText != null) {
            try {
                checkDate = LocalDate.parse(dateText);
            } catch (DateTimeParseException notADate) {
                throw malformed("check_date must be YYYY-MM-DD");
            }
        }
        JsonNode latency = body.path("client_latency_ms");
        long clientLatency = 0;
        if (!latency.isMissingNode() && !latency.isNull()) {
            if (!latency.canConvertToLong() || !latency.isIntegralNumber() || latency.asLong() < 0) {
                throw malformed("client_latency_ms must be a whole number of milliseconds, 0 or more");
            }
            clientLatency = latency.asLong();
        }
        return new CardCheckRequest(challengeId, method, certificate, signature, checkDate, clientLatency, failureReason);
    }

    private static String text(JsonNode body, String field) throws CheckRefusedException {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw malformed(field + " must be a string");
        }
        return value.asText();
    }

    private static byte[] base64(JsonNode body, String field) throws CheckRefusedException {
        String value = text(body, field);
        if (value == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            throw malformed(field + " is not base64");
        }
    }

    private static CheckRefusedException malformed(String detail) {
        return new CheckRefusedException(CardCheckRefusal.MALFORMED_REQUEST, detail);
    }
}
