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
import java.util.concurrent.ConcurrentSkipListMap;
import jp.renkei.ingest.landing.ExchangeRows;
import jp.renkei.relay.journal.JournalEntry;

/**
 * Every journaled message of this journal's life, in memory (about 0.3 KB each, so a million messages cost some 300
 * MB; retention will bound it when old journal segments are dropped): the first answer per (office, client message
 * id), and the delivery and acknowledgement of each message. Rebuilt on start from the journal ({@link #journaled})
 * and from {@code receipts.log}.
 */
public final class MessageLedger implements Closeable {
    private static final String DELIVERY = "D";
    private static final String ACKNOWLEDGEMENT = "A";

    /** What happened to an acknowledgement request. */
    public enum AckResult { ACKNOWLEDGED, NOT_IN_INBOX, OTHER_CONTENT }

    private record ClientKey(String office, String clientMessageId) {
    }

    private static final class Message {
        final Accepted accepted;
        final String sender;
        final long receivedAtMillis;
        volatile long deliveredAtMillis;
        volatile String outcome;
        volatile long acknowledgedAtMillis;

        Message(Accepted accepted, String sender, long receivedAtMillis) {
            this.accepted = accepted;
            this.sender = sender;
            this.receivedAtMillis = receivedAtMillis;
        }
    }

    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    private final Map<ClientKey, CompletableFuture<Accepted>> firstAnswers = new ConcurrentHashMap<>();
    /**
     * The inboxes: addressee → file name → the message now under that name. The files themselves stay in the journal;
     * this index is rebuilt on start from the receipt log and the journal's replay.
     */
    private final Map<String, ConcurrentSkipListMap<String, String>> inboxFiles = new ConcurrentHashMap<>();
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
            synchronized (firstAnswers) {
                firstAnswers.computeIfAbsent(new ClientKey(entry.senderOffice(), entry.clientMessageId()),
                        key -> new CompletableFuture<>()).complete(accepted);
            }
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
        return firstAnswers.putIfAbsent(new ClientKey(office, clientMessageId), mine);
    }

    /**
     * Gives up a claim whose file was not journaled; uploads waiting on it are told to retry. A claim whose file did
     * become durable (the answer was lost on the way out) stays.
     */
    public void release(String office, String clientMessageId, CompletableFuture<Accepted> mine, Throwable why) {
        synchronized (firstAnswers) {
            if (mine.isDone()) {
                return;
            }
            firstAnswers.remove(new ClientKey(office, clientMessageId), mine);
            mine.completeExceptionally(why);
        }
    }

    /** The processor routed a message; {@code outcome} is {@code delivered} or {@code held}. Durable at {@link #force}. */
    public void routed(String messageId, String addressee, String outcome, Instant at) throws IOException {
        Message message = messages.get(messageId);
        log.append(DELIVERY, messageId, Long.toString(at.toEpochMilli()), outcome, addressee);
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
        Map<String, String> inbox = inboxFiles.get(office);
        return Optional.ofNullable(inbox == null ? null : inbox.get(fileName));
    }

    /**
     * The file names in {@code office}'s inbox that it has not acknowledged yet, send unit by send unit (oldest
     * timestamp first) and within a unit in the standard's order (parents before children), so an agent that applies
     * them as listed applies a unit as the sender meant it.
     */
    public List<String> unacknowledgedInbox(String office) {
        Map<String, String> inbox = inboxFiles.get(office);
        if (inbox == null) {
            return List.of();
        }
        return inbox.entrySet().stream().filter(file -> {
            Message message = messages.get(file.getValue());
            return message != null && message.acknowledgedAtMillis == 0;
        }).map(file -> SendUnitPosition.of(file.getKey())).sorted().map(SendUnitPosition::name).toList();
    }

    /** Send-unit order for validated standard names: timestamp, sender, the standard's file order, name. */
    static final java.util.Comparator<String> SEND_UNIT_ORDER = java.util.Comparator.comparing(SendUnitPosition::of);

    /** Where a file stands in its inbox, from its name parsed once (not at every comparison of a sort). */
    private record SendUnitPosition(java.time.LocalDateTime sentAt, String sender,
            jp.renkei.ingest.standard.FileKind kind, String name) implements Comparable<SendUnitPosition> {
        private static final java.util.Comparator<SendUnitPosition> ORDER = java.util.Comparator
                .comparing(SendUnitPosition::sentAt).thenComparing(SendUnitPosition::sender)
                .thenComparing(SendUnitPosition::kind).thenComparing(SendUnitPosition::name);

        static SendUnitPosition of(String name) {
            jp.renkei.ingest.standard.StandardFileName parsed = parsed(name);
            return new SendUnitPosition(parsed.sentAt(), parsed.senderOffice(), parsed.kind(), name);
        }

        @Override
        public int compareTo(SendUnitPosition other) {
            return ORDER.compare(this, other);
        }
    }

    private static jp.renkei.ingest.standard.StandardFileName parsed(String name) {
        try {
            return jp.renkei.ingest.standard.StandardFileName.parse(name);
        } catch (jp.renkei.ingest.standard.InvalidFileNameException impossible) {
            throw new IllegalStateException("the inbox holds a name the upload validated: " + name, impossible);
        }
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
        String status = acknowledged != 0 ? "acknowledged" : message.outcome != null ? message.outcome : "received";
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
        for (Map<String, String> inbox : inboxFiles.values()) {
            inbox.values().removeIf(messageId -> !messages.containsKey(messageId));
        }
        synchronized (firstAnswers) {
            firstAnswers.values().removeIf(answer -> answer.isDone() && !answer.isCompletedExceptionally()
                    && answer.join().sequence() <= sequence);
        }
        return forgotten;
    }

    private void apply(String[] event) {
        Message message = messages.get(event[1]);
        if (message == null) {
            return;
        }
        long at = Long.parseLong(event[2]);
        if (DELIVERY.equals(event[0])) {
            applyDelivery(message, event[4], event[3], at);
        } else if (ACKNOWLEDGEMENT.equals(event[0]) && message.acknowledgedAtMillis == 0) {
            message.acknowledgedAtMillis = at;
        }
    }

    private void applyDelivery(Message message, String addressee, String outcome, long at) {
        synchronized (message) {
            // A held file released later was delivered when it was released, not when it was held.
            boolean released = ExchangeRows.DELIVERED.equals(outcome) && !outcome.equals(message.outcome);
            if (message.deliveredAtMillis == 0 || released) {
                message.deliveredAtMillis = at;
            }
            message.outcome = outcome;
        }
        if (ExchangeRows.DELIVERED.equals(outcome)) {
            inboxFiles.computeIfAbsent(addressee, office -> new ConcurrentSkipListMap<>())
                    .put(message.accepted.fileName(), message.accepted.messageId());
        }
    }

    @Override
    public void close() throws IOException {
        if (log != null) {
            log.close();
        }
    }
}
