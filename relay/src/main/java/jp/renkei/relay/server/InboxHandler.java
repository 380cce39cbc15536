package jp.renkei.relay.server;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.renkei.ingest.standard.OfficeNumber;
import jp.renkei.relay.receipt.MessageLedger;
import jp.renkei.relay.routing.Inboxes;

/**
 * {@code GET /api/v1/inbox} lists the caller's files not yet acknowledged; {@code GET /api/v1/inbox/<file>} downloads
 * one; {@code POST /api/v1/inbox/<file>/ack} acknowledges it (durably, before the answer; optionally checked against
 * {@code X-Renkei-Sha256}). The office is the one the
 * agent names in X-Renkei-Office: with today's shared agent token any agent can name any office, so per-office
 * credentials (client certificates) must replace it before the relay faces more than one installation.
 */
final class InboxHandler implements RelayRoute {
    static final String PATH = "/api/v1/inbox";
    static final String SHA256_HEADER = "X-Renkei-Sha256";
    private static final String ACK_SUFFIX = "/ack";
    private static final System.Logger LOG = System.getLogger(InboxHandler.class.getName());

    private final AgentToken token;
    private final Inboxes inboxes;
    private final MessageLedger ledger;
    private final Clock clock;

    InboxHandler(AgentToken token, Inboxes inboxes, MessageLedger ledger, Clock clock) {
        this.token = token;
        this.inboxes = inboxes;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public void handle(RelayExchange exchange) throws IOException {
        String method = exchange.method();
        if (!"GET".equals(method) && !"POST".equals(method)) {
            exchange.error(405, "RELAY-METHOD-001", "use GET on the inbox, POST on <file>/ack");
            return;
        }
        if (!token.accepts(exchange.header("Authorization"))) {
            exchange.error(401, "RELAY-AUTH-001", "missing or wrong agent token (Authorization: Bearer …)");
            return;
        }
        String office = exchange.header(UploadHandler.OFFICE_HEADER);
        if (!OfficeNumber.isValid(office)) {
            exchange.error(400, "RELAY-OFFICE-001", UploadHandler.OFFICE_HEADER + " must be your 10-digit office number");
            return;
        }
        String rest = exchange.path().substring(PATH.length());
        boolean acknowledgement = "POST".equals(method);
        if (acknowledgement && !rest.endsWith(ACK_SUFFIX)) {
            exchange.error(405, "RELAY-METHOD-001", "POST only to /api/v1/inbox/<file>/ack");
            return;
        }
        if (!acknowledgement && (rest.isEmpty() || "/".equals(rest))) {
            exchange.json(200, Map.of("office", office, "files", inboxes.list(office).stream()
                    .filter(name -> !ledger.isAcknowledged(office, name)).toList()));
            return;
        }
        String fileName = acknowledgement ? rest.substring(1, Math.max(1, rest.length() - ACK_SUFFIX.length()))
                : rest.substring(1);
        if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")
                || fileName.chars().anyMatch(Character::isISOControl)) {
            exchange.error(400, "RELAY-NAME-001", "not a file name: " + fileName.replaceAll("\\p{Cntrl}", "?"));
            return;
        }
        if (acknowledgement) {
            acknowledge(exchange, office, fileName);
            return;
        }
        Optional<byte[]> content = inboxes.read(office, fileName);
        if (content.isEmpty()) {
            exchange.error(404, "RELAY-INBOX-001", "no such file in your inbox: " + fileName);
            return;
        }
        exchange.csv(content.get());
    }

    private void acknowledge(RelayExchange exchange, String office, String fileName) throws IOException {
        String sha256 = exchange.header(SHA256_HEADER);
        switch (ledger.acknowledge(office, fileName, sha256, clock.instant())) {
            case NOT_IN_INBOX -> exchange.error(404, "RELAY-INBOX-001", "no such file in your inbox: " + fileName);
            case OTHER_CONTENT -> exchange.error(409, "RELAY-ACK-001", "the file " + fileName
                    + " in your inbox is not the one you checked (" + SHA256_HEADER + " differs); download it again");
            case ACKNOWLEDGED -> {
                String messageId = ledger.inboxMessage(office, fileName).orElseThrow();
                LOG.log(System.Logger.Level.INFO, "message {0} acknowledged by its addressee", messageId);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("message_id", messageId);
                body.put("file_name", fileName);
                body.put("status", "acknowledged");
                exchange.json(200, body);
            }
        }
    }
}
