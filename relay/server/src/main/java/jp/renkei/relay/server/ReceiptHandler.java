package jp.renkei.relay.server;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.renkei.relay.http.OfficeAuthentication;
import jp.renkei.relay.http.RelayExchange;
import jp.renkei.relay.http.RelayRoute;
import jp.renkei.relay.receipt.MessageLedger;
import jp.renkei.relay.receipt.Receipt;

/**
 * {@code GET /api/v1/receipts/<message id>}: the sender's receipt (like AS2's MDN) — received, delivered or held, and
 * acknowledged, with times. Any other office gets the same 404 as for an unknown id, so ids reveal nothing.
 */
final class ReceiptHandler implements RelayRoute {
    static final String PATH = "/api/v1/receipts/";

    private final OfficeAuthentication authentication;
    private final MessageLedger ledger;

    ReceiptHandler(OfficeAuthentication authentication, MessageLedger ledger) {
        this.authentication = authentication;
        this.ledger = ledger;
    }

    @Override
    public void handle(RelayExchange exchange) throws IOException {
        if (!"GET".equals(exchange.method())) {
            exchange.error(405, "RELAY-METHOD-001", "use GET on a receipt");
            return;
        }
        Optional<String> caller = authentication.office(exchange);
        if (caller.isEmpty()) {
            return;
        }
        String office = caller.get();
        String messageId = exchange.path().substring(PATH.length());
        Optional<Receipt> receipt = ledger.receipt(office, messageId);
        if (receipt.isEmpty()) {
            exchange.error(404, "RELAY-RECEIPT-001", "no message " + messageId.replaceAll("\\p{Cntrl}", "?")
                    + " sent by your office");
            return;
        }
        exchange.json(200, describe(receipt.get()));
    }

    private static Map<String, Object> describe(Receipt receipt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message_id", receipt.messageId());
        body.put("file_name", receipt.fileName());
        body.put("sha256", receipt.sha256());
        body.put("received_at", text(receipt.receivedAt()));
        body.put("delivered_at", text(receipt.deliveredAt()));
        body.put("acknowledged_at", text(receipt.acknowledgedAt()));
        body.put("status", receipt.status());
        return body;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
