package jp.renkei.relay.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import jp.renkei.ingest.standard.OfficeNumber;
import jp.renkei.relay.routing.Inboxes;

/**
 * {@code GET /api/v1/inbox} lists the caller's inbox; {@code GET /api/v1/inbox/<file>} downloads one file. The office
 * is the caller's own: there is no way to name another office's inbox.
 */
final class InboxHandler implements HttpHandler {
    static final String PATH = "/api/v1/inbox";

    private final AgentToken token;
    private final Inboxes inboxes;

    InboxHandler(AgentToken token, Inboxes inboxes) {
        this.token = token;
        this.inboxes = inboxes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                HttpReplies.error(exchange, 405, "RELAY-METHOD-001", "use GET on the inbox");
                return;
            }
            if (!token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
                HttpReplies.error(exchange, 401, "RELAY-AUTH-001", "missing or wrong agent token (Authorization: Bearer …)");
                return;
            }
            String office = exchange.getRequestHeaders().getFirst(UploadHandler.OFFICE_HEADER);
            if (!OfficeNumber.isValid(office)) {
                HttpReplies.error(exchange, 400, "RELAY-OFFICE-001", UploadHandler.OFFICE_HEADER + " must be your 10-digit office number");
                return;
            }
            String rest = exchange.getRequestURI().getPath().substring(PATH.length());
            if (rest.isEmpty() || "/".equals(rest)) {
                HttpReplies.json(exchange, 200, Map.of("office", office, "files", inboxes.list(office)));
                return;
            }
            String fileName = rest.substring(1);
            if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")
                    || fileName.chars().anyMatch(Character::isISOControl)) {
                HttpReplies.error(exchange, 400, "RELAY-NAME-001", "not a file name: " + fileName.replaceAll("\\p{Cntrl}", "?"));
                return;
            }
            Optional<byte[]> content = inboxes.read(office, fileName);
            if (content.isEmpty()) {
                HttpReplies.error(exchange, 404, "RELAY-INBOX-001", "no such file in your inbox: " + fileName);
                return;
            }
            HttpReplies.bytes(exchange, content.get());
        }
    }
}
