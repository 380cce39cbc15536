package jp.renkei.relay.receipt;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import jp.renkei.ingest.landing.ExchangeStatus;
import jp.renkei.relay.journal.JournalEntry;

/**
 * Every journaled message of this journal's life, in memory (about 0.3 KB each, so a million messages cost some 300
 * MB; retention bounds it as old journal segments are dropped): the delivery and acknowledgement of each message — its
 * receipt — kept here, with the first answer per (office, client message id) in {@link ClientMessageClaims} and the
 * inboxes in {@link InboxIndex}. Rebuilt on start from the journal ({@link #journaled}) and from {@code receipts.log}.
 */
public final class MessageLedger implements Closeable {
    private static final String DELIVERY = "D";
    private static final String ACKNOWLEDGEMENT = "A";

    /** What happened to an acknowledgement request. */
    public enum AckResult { ACKNOWLEDGED, NOT_IN_INBOX, OTHER_CONTENT }

    private static final class Message {
        final Accepted accepted;
        final String sender;
        final long receivedAtMillis;
        volatile long deliveredAtMillis;
        volatile ExchangeStatus outcome;
        volatile long acknowledgedAtMillis;

        Message(Accepted accepted, String sender, long receivedAtMillis) {
            this.accepted = accepted;
            this.sender = sender;
            this.receivedAtMillis = receivedAtMillis;
        }
    }

    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    private final ClientMessageClaims claims = new ClientMessageClaims();
    private final InboxIndex inboxes = new InboxIndex();
    private ReceiptLog log;

    /**
     * Records a journaled message (on recovery, or once durable and before it is answered or routed). A message
     * journaled again — a held file an operator released — is known by its later record from then on, so that
     * retention of the earlier record's segment does not take it out of its addressee's inbox.
     */
    public void journaled(JournalEntry entry) {
        Accepted accepted = new Accepted(entry.messageId(), entry.fileName(), entry.sha256(), entry.sequence());
        messages.merge(entry.messageId(), new Message(accepted, entry.senderOffice(), entry.receivedAtMillis()),
                (known, again) -> again.accepted.sequence() > known.accepted.sequence() ? again : known);
        if (entry.clientMessageId() != null) {
            claims.journaled(entry.senderOffice(), entry.clientMessageId(), accepted);
        }
    }

    /** Opens {@code receipts.log} and applies it; call after the journal has been recovered into this ledger. */
    public void recover(Path logFile) throws IOException {
        log = ReceiptLog.open(logFile, this::apply);
    }

    /**
     * Claims a client message id for an upload about to be journaled. Returns null when the caller now owns it (it must
     * journal the file, or {@link #release} the claim); otherwise the first upload's answer, possibly still pending.
     */
    public CompletableFuture<Accepted> claim(String office, String clientMessageId, CompletableFuture<Accepted> mine) {
        return claims.claim(office, clientMessageId, mine);
    }

    /**
     * Gives up a claim whose file was not journaled; uploads waiting on it are told to retry. A claim whose file did
     * become durable (the answer was lost on the way out) stays.
     */
    public void release(String office, String clientMessageId, CompletableFuture<Accepted> mine, Throwable why) {
        claims.release(office, clientMessageId, mine, why);
    }

    /** The processor routed a message: delivered to its inbox, or held. Durable at {@link #force}. */
    public void routed(String messageId, String addressee, ExchangeStatus outcome, Instant at) throws IOException {
        Message message = messages.get(messageId);
        log.append(DELIVERY, messageId, Long.toString(at.toEpochMilli()), outcome.value(), addressee);
        if (message != null) {
            applyDelivery(message, addressee, outcome, at.toEpochMilli());
        }
    }

    /** Forces routed events to disk; the processor calls it before the landing checkpoint advances. */
    public void force() throws IOException {
        log.force();
    }

    /**
     * The addressee acknowledges the file now in its inbox under {@code fileName}; {@code sha256} (may be null) must
     * match the message's. Durable before it returns; acknowledging again keeps the first time.
     */
    public synchronized AckResult acknowledge(String office, String fileName, String sha256, Instant at) throws IOException {
        String messageId = inboxMessage(office, fileName).orElse(null);
        Message message = messageId == null ? null : messages.get(messageId);
        if (message == null) {
            return AckResult.NOT_IN_INBOX;
        }
        if (sha256 != null && !sha256.equalsIgnoreCase(message.accepted.sha256())) {
            return AckResult.OTHER_CONTENT;
        }
        if (message.acknowledgedAtMillis == 0) {
            log.append(ACKNOWLEDGEMENT, messageId, Long.toString(at.toEpochMilli()));
            log.force();
            message.acknowledgedAtMillis = at.toEpochMilli();
        }
        return AckResult.ACKNOWLEDGED;
    }

    /** The message now in {@code office}'s inbox under {@code fileName}, if its addressee has acknowledged it. */
    public boolean isAcknowledged(String office, String fileName) {
        String messageId = inboxMessage(office, fileName).orElse(null);
        Message message = messageId == null ? null : messages.get(messageId);
        return message != null && message.acknowledgedAtMillis != 0;
    }

    /** The message id now in {@code office}'s inbox under {@code fileName}. */
    public Optional<String> inboxMessage(String office, String fileName) {
        return inboxes.messageId(office, fileName);
    }

    /**
     * The file names in {@code office}'s inbox that it has not acknowledged yet, send unit by send unit (oldest
     * timestamp first) and within a unit in the standard's order (parents before children), so an agent that applies
     * them as listed applies a unit as the sender meant it.
     */
    public List<String> unacknowledgedInbox(String office) {
        return inboxes.names(office, messageId -> {
            Message message = messages.get(messageId);
            return message != null && message.acknowledgedAtMillis == 0;
        });
    }

    /** The journal sequence holding the message now in {@code office}'s inbox under {@code fileName}. */
    public Optional<Long> inboxSequence(String office, String fileName) {
        return inboxMessage(office, fileName).map(messages::get).map(message -> message.accepted.sequence());
    }

    /** The receipt of {@code messageId} for its sender; empty for anybody else or an unknown id. */
    public Optional<Receipt> receipt(String office, String messageId) {
        Message message = messages.get(messageId);
        if (message == null || !message.sender.equals(office)) {
            return Optional.empty();
        }
        long delivered = message.deliveredAtMillis;
        long acknowledged = message.acknowledgedAtMillis;
        String status = acknowledged != 0 ? "acknowledged" : message.outcome != null ? message.outcome.value() : "received";
        return Optional.of(new Receipt(messageId, message.accepted.fileName(), message.accepted.sha256(),
                Instant.ofEpochMilli(message.receivedAtMillis), delivered == 0 ? null : Instant.ofEpochMilli(delivered),
                acknowledged == 0 ? null : Instant.ofEpochMilli(acknowledged), status));
    }

    /** The journal sequence the ledger knows a message by (its latest record), if it knows it. */
    public java.util.OptionalLong sequenceOf(String messageId) {
        Message message = messages.get(messageId);
        return message == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(message.accepted.sequence());
    }

    public int size() {
        return messages.size();
    }

    /**
     * Forgets every message up to journal sequence {@code sequence}, whose file retention is deleting: it leaves its
     * inbox, its receipt and its client message id. Returns how many were forgotten.
     */
    public int forgetUpTo(long sequence) {
        int forgotten = 0;
        for (Message message : messages.values()) {
            if (message.accepted.sequence() <= sequence && messages.remove(message.accepted.messageId(), message)) {
                forgotten++;
            }
        }
        inboxes.keepOnly(messages::containsKey);
        claims.forgetUpTo(sequence);
        return forgotten;
    }

    private void apply(String[] event) {
        Message message = messages.get(event[1]);
        if (message == null) {
            return;
        }
        long at = Long.parseLong(event[2]);
        if (DELIVERY.equals(event[0])) {
            applyDelivery(message, event[4], ExchangeStatus.fromValue(event[3]), at);
        } else if (ACKNOWLEDGEMENT.equals(event[0]) && message.acknowledgedAtMillis == 0) {
            message.acknowledgedAtMillis = at;
        }
    }

    private void applyDelivery(Message message, String addressee, ExchangeStatus outcome, long at) {
        synchronized (message) {
            // A held file released later was delivered when it was released, not when it was held.
            boolean released = outcome == ExchangeStatus.DELIVERED && message.outcome != outcome;
            if (message.deliveredAtMillis == 0 || released) {
                message.deliveredAtMillis = at;
            }
            message.outcome = outcome;
        }
        if (outcome == ExchangeStatus.DELIVERED) {
            inboxes.deliver(addressee, message.accepted.fileName(), message.accepted.messageId());
        }
    }

    @Override
    public void close() throws IOException {
        if (log != null) {
            log.close();
        }
    }
}
