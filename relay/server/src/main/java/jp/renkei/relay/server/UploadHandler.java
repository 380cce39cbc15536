package jp.renkei.relay.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.standard.StandardFile;
import jp.renkei.ingest.standard.StandardFileReader;
import jp.renkei.relay.http.OfficeAuthentication;
import jp.renkei.relay.http.RelayExchange;
import jp.renkei.relay.http.RelayMetrics;
import jp.renkei.relay.http.RelayRoute;
import jp.renkei.relay.journal.Journal;
import jp.renkei.relay.journal.JournalEntry;
import jp.renkei.relay.journal.JournalFullException;
import jp.renkei.relay.receipt.Accepted;
import jp.renkei.relay.receipt.MessageLedger;

/**
 * {@code POST /api/v1/files/<standard file name>}: identifies the office by its client certificate, admits the upload
 * against the office's rate, quota and the relay's upload memory, reads the body ({@link UploadBodyReader}), checks the
 * sender rule ({@link SenderRule}: the office's own name and signature), answers a repeated client message id
 * ({@link RepeatedUploads}), validates the content, journals file, signature and signer certificate with fsync and only
 * then answers 202 with the message id and SHA-256.
 */
final class UploadHandler implements RelayRoute {
    static final String PATH = "/api/v1/files/";
    static final String MESSAGE_ID_HEADER = RepeatedUploads.MESSAGE_ID_HEADER;
    private static final System.Logger LOG = System.getLogger(UploadHandler.class.getName());
    private static final int MAXIMUM_FINDINGS_RETURNED = 50;
    /** Longer than any healthy group commit; past it the upload is refused (not acknowledged) rather than hung. */
    private static final long JOURNAL_WAIT_SECONDS = 30;
    /**
     * Standard files are kilobytes; a file up to this size is handed to the processor parsed. A larger one is parsed
     * again from the journal, so that no parse outlives its upload's memory reservation in the processor's backlog.
     */
    private static final long KEEP_PARSED_BYTES = 1 << 20;

    private final OfficeAuthentication authentication;
    private final OfficeRateLimit rateLimit;
    private final RelayMetrics metrics;
    private final Journal<StandardFile> journal;
    private final MessageLedger ledger;
    private final long maximumFileBytes;
    private final UploadMemoryBudget memory;
    private final OfficeUploadsInFlight inFlight;
    private final OfficeStorageQuota quota;
    private final Clock clock;
    private final UploadBodyReader bodyReader;

    UploadHandler(OfficeAuthentication authentication, OfficeRateLimit rateLimit, RelayMetrics metrics,
            Journal<StandardFile> journal,
            MessageLedger ledger, long maximumFileBytes, UploadMemoryBudget memory, OfficeUploadsInFlight inFlight,
            OfficeStorageQuota quota, Clock clock) {
        this.authentication = authentication;
        this.quota = quota;
        this.memory = memory;
        this.inFlight = inFlight;
        this.rateLimit = rateLimit;
        this.metrics = metrics;
        this.journal = journal;
        this.ledger = ledger;
        this.maximumFileBytes = maximumFileBytes;
        this.clock = clock;
        this.bodyReader = new UploadBodyReader(maximumFileBytes, memory.totalBytes());
    }

    @Override
    public void handle(RelayExchange exchange) throws IOException {
        if (!"POST".equals(exchange.method())) {
            exchange.error(405, "RELAY-METHOD-001", "use POST to upload a file");
            return;
        }
        Optional<String> caller = authentication.office(exchange);
        if (caller.isEmpty()) {
            return;
        }
        String office = caller.get();
        long wait = rateLimit.secondsToWait(office);
        if (wait > 0) {
            exchange.setResponseHeader("Retry-After", Long.toString(wait));
            exchange.error(429, "RELAY-RATE-001", "your office is sending faster than the relay accepts from one office;"
                    + " retry after " + wait + " s (the file was not accepted)",
                    Map.of("message_ja", "送信が多すぎます。" + wait + " 秒後に再送してください（このファイルは受け付けていません）。"));
            return;
        }
        String clientMessageId = exchange.header(MESSAGE_ID_HEADER);
        if (clientMessageId != null && !RepeatedUploads.isCanonicalUuid(clientMessageId)) {
            exchange.error(400, "RELAY-IDEMPOTENCY-002", MESSAGE_ID_HEADER
                    + " must be a UUID in its canonical lower-case form (8-4-4-4-12 hex digits)");
            return;
        }
        String fileName = exchange.path().substring(PATH.length());
        if (!SenderRule.nameIsTheSenders(exchange, office, fileName)) {
            return;
        }
        long declared = exchange.declaredLength();
        if (declared > maximumFileBytes) {
            tooLarge(exchange);
            return;
        }
        if (quota.isSpent(office)) {
            long renewal = quota.secondsUntilRenewal();
            exchange.setResponseHeader("Retry-After", Long.toString(renewal));
            exchange.error(429, "RELAY-QUOTA-001", "your office has had " + quota.bytesPerDay() / (1 << 20) + " MiB"
                    + " stored today, its daily quota; it renews at midnight (Japan), in " + renewal + " s (the file was"
                    + " not accepted)", Map.of("message_ja", "本日の送信容量（" + quota.bytesPerDay() / (1 << 20)
                            + " MiB）に達しました。翌日（日本時間0時以降）に再送してください（このファイルは受け付けていません）。"));
            return;
        }
        UploadMemoryBudget.Reservation reservation = memory.tryReserve(declared >= 0 ? declared : maximumFileBytes);
        if (reservation == null) {
            busy(exchange, "uploads in flight fill the relay's upload memory");
            return;
        }
        boolean reservationHandedOver = false;
        try {
            reservationHandedOver = receive(exchange, office, fileName, clientMessageId, reservation);
        } finally {
            if (!reservationHandedOver) {
                reservation.close();
            }
        }
    }

    /**
     * Reads, checks and journals the body within its memory reservation; true when the reservation was handed to the
     * journaling, which releases it once the upload is answered.
     */
    private boolean receive(RelayExchange exchange, String office, String fileName, String clientMessageId,
            UploadMemoryBudget.Reservation reservation) throws IOException {
        UploadBodyReader.Body body;
        try (OfficeUploadsInFlight.Slot slot = inFlight.tryEnter(office)) {
            if (slot == null) {
                exchange.setResponseHeader("Retry-After", "1");
                exchange.error(429, "RELAY-RATE-002", "your office already has " + inFlight.perOffice() + " uploads"
                        + " being received; send fewer at once (the file was not accepted)",
                        Map.of("message_ja", "同時に送信しているファイルが多すぎます。少し待ってから再送してください（このファイルは受け付けていません）。"));
                return false;
            }
            body = bodyReader.read(exchange);
        } catch (UploadBodyReader.BodyTooSlowException slow) {
            exchange.error(408, "RELAY-SLOW-001", slow.getMessage() + "; nothing was accepted: check the office's"
                    + " connection and send the file again (the agent retries by itself)");
            return false;
        } catch (UploadBodyReader.FootprintTooLargeException hopeless) {
            tooManyLines(exchange, hopeless.estimate());
            return false;
        }
        if (body == null) {
            tooLarge(exchange);
            return false;
        }
        byte[] content = body.content();
        // The body was refused while it arrived if its parse could never fit; whether it fits now is another matter.
        if (!reservation.grow(body.footprint().bytes())) {
            busy(exchange, "uploads in flight fill the relay's upload memory");
            return false;
        }
        SenderRule.Signed signed = SenderRule.verifySignature(exchange, fileName, content);
        if (signed == null) {
            return false;
        }
        String sha256 = JournalEntry.sha256(content);
        if (clientMessageId == null) {
            validateAndJournal(exchange, fileName, office, null, signed, sha256, () -> { }, reservation);
            return true;
        }
        CompletableFuture<Accepted> mine = new CompletableFuture<>();
        CompletableFuture<Accepted> first = ledger.claim(office, clientMessageId, mine);
        if (first != null) {
            RepeatedUploads.answerRepeat(exchange, clientMessageId, first, fileName, sha256);
            return false;
        }
        Runnable release = () -> ledger.release(office, clientMessageId, mine,
                new IllegalStateException("the first upload was not journaled"));
        boolean handedOver = false;
        try {
            validateAndJournal(exchange, fileName, office, clientMessageId, signed, sha256, release, reservation);
            handedOver = true;
        } finally {
            if (!handedOver) {
                release.run();
            }
        }
        return true;
    }

    private void tooManyLines(RelayExchange exchange, ParseFootprint.Estimate footprint) throws IOException {
        exchange.error(413, "RELAY-SIZE-002", "the file has at least " + footprint.lines() + " lines and "
                + footprint.fields() + " fields; checking it would take more than this relay's upload memory ("
                + memory.totalBytes() / (1 << 20) + " MiB); nothing was accepted: send it in smaller files (one send"
                + " unit per file), or have the relay's operator raise relay.upload-memory-bytes and the heap",
                Map.of("message_ja", "ファイルの行数・項目数が多すぎて、このリレーでは検査できません（" + footprint.lines()
                        + " 行以上）。受け付けていません。"));
    }

    private void tooLarge(RelayExchange exchange) throws IOException {
        exchange.error(413, "RELAY-SIZE-001", "the file exceeds the limit of " + maximumFileBytes + " bytes");
    }

    private static void busy(RelayExchange exchange, String why) throws IOException {
        exchange.setResponseHeader("Retry-After", "1");
        exchange.error(503, "RELAY-BUSY-002", "the relay is busy (" + why + "); retry later (the file was not accepted)",
                Map.of("message_ja", "リレーが混み合っています。しばらくして再送してください（このファイルは受け付けていません）。"));
    }

    /**
     * Validates the file, hands it to the journal and answers once it is durable (202) or cannot be (503), without
     * holding the worker thread meanwhile. {@code notJournaled} runs whenever the file ends up not stored.
     */
    private void validateAndJournal(RelayExchange exchange, String fileName, String office, String clientMessageId,
            SenderRule.Signed signed, String sha256, Runnable notJournaled, UploadMemoryBudget.Reservation reservation)
            throws IOException {
        boolean answeredLater = false;
        try {
            answeredLater = validateAndJournal(exchange, fileName, office, clientMessageId, signed, sha256, notJournaled,
                    (Runnable) reservation::close);
        } finally {
            if (!answeredLater) {
                reservation.close();
            }
        }
    }

    /** True when the answer was left to the journal's completion, which then runs {@code answered}. */
    private boolean validateAndJournal(RelayExchange exchange, String fileName, String office, String clientMessageId,
            SenderRule.Signed signed, String sha256, Runnable notJournaled, Runnable answered) throws IOException {
        byte[] content = signed.content();
        StandardFile parsed = new StandardFileReader().read(fileName, content);
        if (!parsed.isValid()) {
            List<Map<String, Object>> findings = parsed.findings().list().stream().filter(Finding::isError)
                    .limit(MAXIMUM_FINDINGS_RETURNED).map(UploadHandler::describe).toList();
            exchange.error(422, "RELAY-CONTENT-001", "the file breaks the standard; nothing was accepted",
                    Map.of("errors", parsed.findings().errorCount(), "findings", findings));
            notJournaled.run();
            return false;
        }
        String messageId = MessageIds.next();
        CompletableFuture<JournalEntry> durable;
        try {
            // A large file's parse is not kept for the processor, which parses it again from the journal: held in the
            // processor's backlog it would be memory outside the upload budget.
            durable = journal.append(JournalEntry.signed(messageId, clientMessageId, fileName, office, clock.millis(),
                    sha256, content, signed.signature(), signed.signerCertificate()),
                    content.length <= KEEP_PARSED_BYTES ? parsed : null);
        } catch (JournalFullException full) {
            exchange.setResponseHeader("Retry-After", "1");
            exchange.error(503, "RELAY-BUSY-001", "the relay is busy (" + full.getMessage() + "); retry later");
            notJournaled.run();
            return false;
        }
        exchange.answerLater(durable.orTimeout(JOURNAL_WAIT_SECONDS, TimeUnit.SECONDS).handle((entry, failure) -> {
            answered.run();
            try {
                if (failure == null) {
                    quota.charge(office, content.length);
                    metrics.acknowledged();
                    LOG.log(System.Logger.Level.DEBUG, "message {0} acknowledged: {1} from {2}, sequence {3}", messageId,
                            fileName, office, entry.sequence());
                    exchange.json(202, RepeatedUploads.acknowledgement(new Accepted(messageId, fileName, sha256, entry.sequence()), false));
                } else {
                    notJournaled.run();
                    answerNotStored(exchange, failure);
                }
            } catch (IOException unanswerable) {
                throw new UncheckedIOException(unanswerable);
            }
            return null;
        }));
        return true;
    }

    private static void answerNotStored(RelayExchange exchange, Throwable failure) throws IOException {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        exchange.setResponseHeader("Retry-After", "5");
        if (cause instanceof TimeoutException) {
            exchange.error(503, "RELAY-JOURNAL-002", "the relay did not confirm storage within " + JOURNAL_WAIT_SECONDS
                    + " s; retry with the same message id (a repeat is answered, never stored twice)");
        } else {
            exchange.error(503, "RELAY-JOURNAL-001", "the relay could not store the file; retry later");
        }
    }

    private static Map<String, Object> describe(Finding finding) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("code", finding.code());
        described.put("line", finding.line());
        described.put("column", finding.column());
        described.put("field", finding.field());
        described.put("message", finding.messageEn());
        described.put("message_ja", finding.messageJa());
        return described;
    }
}
