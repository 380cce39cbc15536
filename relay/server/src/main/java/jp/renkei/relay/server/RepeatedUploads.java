package jp.renkei.relay.server;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.renkei.relay.http.RelayExchange;
import jp.renkei.relay.receipt.Accepted;

/**
 * Idempotent uploads: an upload with a client message id ({@code X-Renkei-Message-Id}) that an earlier upload of the
 * office already used gets that upload's answer (200, {@code "duplicate": true}) and journals nothing; the same id with
 * other content or another name answers 409. The claims themselves are the ledger's.
 */
final class RepeatedUploads {
    static final String MESSAGE_ID_HEADER = "X-Renkei-Message-Id";
    private static final long REPEAT_WAIT_SECONDS = 30;

    private RepeatedUploads() {
    }

    /** A repeated client message id: the first answer again, or 409 when it named other content. */
    static void answerRepeat(RelayExchange exchange, String clientMessageId, CompletableFuture<Accepted> first,
            String fileName, String sha256) throws IOException {
        Accepted accepted;
        try {
            accepted = first.get(REPEAT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException notJournaled) {
            exchange.setResponseHeader("Retry-After", "1");
            exchange.error(503, "RELAY-JOURNAL-001",
                    "the first upload with this message id was not stored; retry later");
            return;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            exchange.error(503, "RELAY-JOURNAL-001", "the relay is stopping; retry later");
            return;
        }
        if (!accepted.sha256().equals(sha256) || !accepted.fileName().equals(fileName)) {
            exchange.error(409, "RELAY-IDEMPOTENCY-001", "the message id " + clientMessageId
                    + " was already used for other content or another file name (message " + accepted.messageId()
                    + "); derive a new id for new content",
                    Map.of("message_id", accepted.messageId(), "sha256", accepted.sha256()));
            return;
        }
        exchange.json(200, acknowledgement(accepted, true));
    }

    static Map<String, Object> acknowledgement(Accepted accepted, boolean duplicate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message_id", accepted.messageId());
        body.put("sha256", accepted.sha256());
        body.put("sequence", accepted.sequence());
        body.put("status", "accepted");
        body.put("duplicate", duplicate);
        return body;
    }

    static boolean isCanonicalUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }
}
