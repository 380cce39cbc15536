package jp.renkei.relay.server;

import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.renkei.relay.http.OfficeAuthentication;
import jp.renkei.relay.http.RelayExchange;
import jp.renkei.relay.http.RelayRoute;
import jp.renkei.relay.journal.Journal;
import jp.renkei.relay.journal.JournalEntry;
import jp.renkei.relay.pki.FileSignature;
import jp.renkei.relay.receipt.MessageLedger;

/**
 * {@code GET /api/v1/inbox} lists the caller's files not yet acknowledged; {@code GET /api/v1/inbox/<file>} downloads
 * one from the journal, with the sender's detached signature and certificate ({@code X-Renkei-Signature},
 * {@code X-Renkei-Signer-Certificate}) so the addressee's agent verifies it again, its message id and SHA-256; {@code POST /api/v1/inbox/<file>/ack} acknowledges it (durably, before the answer; optionally checked against
 * {@code X-Renkei-Sha256}). The office is the one the caller's client certificate proves, so an office sees only its
 * own inbox.
 */
final class InboxHandler implements RelayRoute {
    static final String PATH = "/api/v1/inbox";
    static final String SHA256_HEADER = "X-Renkei-Sha256";
    static final String MESSAGE_ID_HEADER = "X-Renkei-Message-Id";
    private static final String ACK_SUFFIX = "/ack";
    private static final System.Logger LOG = System.getLogger(InboxHandler.class.getName());

    private final OfficeAuthentication authentication;
    private final Journal<?> journal;
    private final MessageLedger ledger;
    private final Clock clock;

    InboxHandler(OfficeAuthentication authentication, Journal<?> journal, MessageLedger ledger, Clock clock) {
        this.authentication = authentication;
        this.journal = journal;
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
        Optional<String> caller = authentication.office(exchange);
        if (caller.isEmpty()) {
            return;
        }
        String office = caller.get();
        String rest = exchange.path().substring(PATH.length());
        boolean acknowledgement = "POST".equals(method);
        if (acknowledgement && !rest.endsWith(ACK_SUFFIX)) {
            exchange.error(405, "RELAY-METHOD-001", "POST only to /api/v1/inbox/<file>/ack");
            return;
        }
        if (!acknowledgement && (rest.isEmpty() || "/".equals(rest))) {
            exchange.json(200, Map.of("office", office, "files", ledger.unacknowledgedInbox(office)));
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
        Optional<Long> sequence = ledger.inboxSequence(office, fileName);
        if (sequence.isEmpty()) {
            exchange.error(404, "RELAY-INBOX-001", "no such file in your inbox: " + fileName);
            return;
        }
        JournalEntry entry = journal.read(sequence.get());
        exchange.setResponseHeader(MESSAGE_ID_HEADER, entry.messageId());
        exchange.setResponseHeader(SHA256_HEADER, entry.sha256());
        if (entry.signature() != null && entry.signerCertificate() != null) {
            exchange.setResponseHeader(FileSignature.HEADER, Base64.getEncoder().encodeToString(entry.signature()));
            exchange.setResponseHeader(FileSignature.SIGNER_HEADER,
                    Base64.getEncoder().encodeToString(entry.signerCertificate()));
        }
        exchange.csv(entry.content());
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
