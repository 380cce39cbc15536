package jp.renkei.relay.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.standard.InvalidFileNameException;
import jp.renkei.ingest.standard.StandardFile;
import jp.renkei.ingest.standard.StandardFileName;
import jp.renkei.ingest.standard.StandardFileReader;
import jp.renkei.relay.http.OfficeAuthentication;
import jp.renkei.relay.http.RelayExchange;
import jp.renkei.relay.http.RelayMetrics;
import jp.renkei.relay.http.RelayRoute;
import jp.renkei.relay.journal.Journal;
import jp.renkei.relay.journal.JournalEntry;
import jp.renkei.relay.journal.JournalFullException;
import jp.renkei.relay.pki.FileSignature;
import jp.renkei.relay.receipt.Accepted;
import jp.renkei.relay.receipt.MessageLedger;

/**
 * {@code POST /api/v1/files/<standard file name>}: identifies the office by its client certificate, checks that the
 * sender in the name is that office and that the file carries its detached signature ({@code X-Renkei-Signature})
 * verifying against that certificate, validates the content, journals file, signature and signer certificate with
 * fsync and only then answers 202 with the message id and SHA-256.
 * With {@code X-Renkei-Message-Id} a repeat of an id already journaled for the office answers 200 with the first
 * answer and {@code "duplicate": true} and journals nothing; the same id with other content or name answers 409.
 */
final class UploadHandler implements RelayRoute {
    static final String PATH = "/api/v1/files/";
    static final String MESSAGE_ID_HEADER = "X-Renkei-Message-Id";
    private static final long REPEAT_WAIT_SECONDS = 30;
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
    private final Journal journal;
    private final MessageLedger ledger;
    private final long maximumFileBytes;
    private final UploadMemoryBudget memory;
    private final OfficeUploadsInFlight inFlight;
    private final OfficeStorageQuota quota;
    private final Clock clock;

    UploadHandler(OfficeAuthentication authentication, OfficeRateLimit rateLimit, RelayMetrics metrics, Journal journal,
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
        if (clientMessageId != null && !isCanonicalUuid(clientMessageId)) {
            exchange.error(400, "RELAY-IDEMPOTENCY-002", MESSAGE_ID_HEADER
                    + " must be a UUID in its canonical lower-case form (8-4-4-4-12 hex digits)");
            return;
        }
        String fileName = exchange.path().substring(PATH.length());
        StandardFileName name;
        try {
            name = StandardFileName.parse(fileName);
        } catch (InvalidFileNameException invalid) {
            exchange.error(400, invalid.finding().code(), invalid.finding().messageEn(),
                    Map.of("message_ja", invalid.finding().messageJa()));
            return;
        }
        if (!name.senderOffice().equals(office)) {
            exchange.error(403, "RELAY-SENDER-001", "the file's sender " + name.senderOffice()
                    + " is not your office " + office + "; an office may only send its own files",
                    Map.of("message_ja", "ファイル名の送信元事業所 " + name.senderOffice() + " は、証明書の事業所 " + office
                            + " ではありません。自事業所のファイルのみ送信できます。"));
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
        Body body;
        try (OfficeUploadsInFlight.Slot slot = inFlight.tryEnter(office)) {
            if (slot == null) {
                exchange.setResponseHeader("Retry-After", "1");
                exchange.error(429, "RELAY-RATE-002", "your office already has " + inFlight.perOffice() + " uploads"
                        + " being received; send fewer at once (the file was not accepted)",
                        Map.of("message_ja", "同時に送信しているファイルが多すぎます。少し待ってから再送してください（このファイルは受け付けていません）。"));
                return false;
            }
            body = readBody(exchange);
        } catch (BodyTooSlowException slow) {
            exchange.error(408, "RELAY-SLOW-001", slow.getMessage() + "; nothing was accepted: check the office's"
                    + " connection and send the file again (the agent retries by itself)");
            return false;
        } catch (FootprintTooLargeException hopeless) {
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
        Signed signed = verifySignature(exchange, fileName, content);
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
            answerRepeat(exchange, clientMessageId, first, fileName, sha256);
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

    /** A body whose parse would not fit the whole upload memory, found while it arrived: the rest is not read. */
    static final class FootprintTooLargeException extends IOException {
        private final transient ParseFootprint.Estimate estimate;

        FootprintTooLargeException(ParseFootprint.Estimate estimate) {
            super("the body's estimated parse exceeds the upload memory");
            this.estimate = estimate;
        }

        ParseFootprint.Estimate estimate() {
            return estimate;
        }
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
            Signed signed, String sha256, Runnable notJournaled, UploadMemoryBudget.Reservation reservation)
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
            Signed signed, String sha256, Runnable notJournaled, Runnable answered) throws IOException {
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
                    exchange.json(202, acknowledgement(new Accepted(messageId, fileName, sha256, entry.sequence()), false));
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

    /** A file with its sender's detached signature, checked against the certificate the sender connected with. */
    private record Signed(byte[] content, byte[] signature, byte[] signerCertificate) {
    }

    /** The verified signature, or null after answering why it is missing or does not verify. */
    private static Signed verifySignature(RelayExchange exchange, String fileName, byte[] content)
            throws IOException {
        String signature = exchange.header(FileSignature.HEADER);
        if (signature == null || signature.isBlank()) {
            exchange.error(400, "RELAY-SIGNATURE-001", "the upload carries no " + FileSignature.HEADER
                    + " (base64 SHA256withRSA over the file's name and bytes with your office key); nothing was accepted",
                    Map.of("message_ja", "ファイルに署名がありません（" + FileSignature.HEADER + "）。受け付けていません。"));
            return null;
        }
        X509Certificate signer = exchange.peerCertificates()[0];
        if (!FileSignature.verifies(signer, fileName, content, signature.strip())) {
            exchange.error(403, "RELAY-SIGNATURE-002", "the signature does not verify against your office certificate for "
                    + "this name and these bytes: the file was renamed or altered after signing, or signed with another key;"
                    + " nothing was accepted",
                    Map.of("message_ja", "署名が検証できません。署名後にファイルが変更されたか、別の鍵で署名されています。受け付けていません。"));
            return null;
        }
        try {
            return new Signed(content, Base64.getDecoder().decode(signature.strip()), signer.getEncoded());
        } catch (CertificateEncodingException unencodable) {
            throw new IOException("the verified signer certificate cannot be encoded", unencodable);
        }
    }

    /** A repeated client message id: the first answer again, or 409 when it named other content. */
    private void answerRepeat(RelayExchange exchange, String clientMessageId, CompletableFuture<Accepted> first,
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

    private static Map<String, Object> acknowledgement(Accepted accepted, boolean duplicate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message_id", accepted.messageId());
        body.put("sha256", accepted.sha256());
        body.put("sequence", accepted.sequence());
        body.put("status", "accepted");
        body.put("duplicate", duplicate);
        return body;
    }

    private static boolean isCanonicalUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }

    /**
     * A body that does not arrive in time. Stalling reads hold a worker each: a few dozen trickling connections used to
     * stall the relay.
     */
    static final class BodyTooSlowException extends IOException {
        BodyTooSlowException(String message) {
            super(message);
        }
    }

    /** A body may stall this long between bytes before its connection is ended. */
    static final java.time.Duration READ_STALL = java.time.Duration.ofSeconds(10);
    /** And it must arrive at this rate at least, after a first {@link #READ_STALL} of grace. */
    static final long MINIMUM_BYTES_PER_SECOND = 64 * 1024;

    /** A body as read, with the estimate of what parsing it will take. */
    private record Body(byte[] content, ParseFootprint.Estimate footprint) {
    }

    /**
     * Reads at most the limit, estimating the parse as the bytes arrive; null when the body is larger than the limit.
     *
     * @throws FootprintTooLargeException when the parse could not fit the whole upload memory; from that byte on the
     *     body is read and dropped, neither kept nor counted
     */
    private Body readBody(RelayExchange exchange) throws IOException {
        long declared = exchange.declaredLength();
        long expected = declared >= 0 ? declared : maximumFileBytes;
        long deadline = System.nanoTime() + READ_STALL.toNanos()
                + java.util.concurrent.TimeUnit.SECONDS.toNanos(expected / MINIMUM_BYTES_PER_SECOND);
        exchange.limitReadStall(READ_STALL);
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, maximumFileBytes + 1);
        java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream(
                (int) Math.min(declared >= 0 ? declared : 8192, limit));
        byte[] chunk = new byte[16 * 1024];
        ParseFootprint.Counter footprint = new ParseFootprint.Counter();
        ParseFootprint.Estimate hopeless = null;
        long dropped = 0;
        try (InputStream body = exchange.body()) {
            while (content.size() < limit) {
                int read;
                try {
                    read = body.read(chunk, 0, (int) Math.min(chunk.length, limit - content.size()));
                } catch (IOException stalled) {
                    throw new BodyTooSlowException("no byte of the body arrived for " + READ_STALL.toSeconds() + " s");
                }
                if (read < 0) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new BodyTooSlowException("the body arrived slower than " + MINIMUM_BYTES_PER_SECOND / 1024
                            + " KiB/s");
                }
                if (hopeless != null) {
                    // Read to the end and drop it: a connection cut mid-body leaves the sender a broken pipe instead
                    // of the 413 that tells it not to send this file again. Nothing more is kept, counted or hashed.
                    dropped += read;
                    if (dropped > limit) {
                        break;
                    }
                    continue;
                }
                content.write(chunk, 0, read);
                footprint.add(chunk, read);
                ParseFootprint.Estimate soFar = footprint.estimate();
                if (soFar.bytes() > memory.totalBytes()) {
                    hopeless = soFar;
                    dropped = content.size();
                    content.reset();
                }
            }
        }
        if (hopeless != null) {
            throw new FootprintTooLargeException(hopeless);
        }
        return content.size() > maximumFileBytes ? null : new Body(content.toByteArray(), footprint.estimate());
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
