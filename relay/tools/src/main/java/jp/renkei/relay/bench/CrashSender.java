package jp.renkei.relay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jp.renkei.ingest.standard.CsvVersion;
import jp.renkei.ingest.standard.FileKind;
import jp.renkei.ingest.standard.ScheduleRecord;
import jp.renkei.ingest.standard.StandardFileName;
import jp.renkei.ingest.standard.StandardFileWriter;
import jp.renkei.relay.agent.ClientMessageId;
import jp.renkei.relay.journal.JournalEntry;
import jp.renkei.relay.pki.FileSignature;
import jp.renkei.relay.pki.OfficeCredentials;

/**
 * One office uploading distinct files as the agent does: with its client certificate, each file signed and with its
 * client message id, retried through relay
 * kills until answered 202 (or 200 as a duplicate). Now and then it sends an already acknowledged file again, as an
 * agent that crashed before moving the file would. Every answer is checked against the earlier ones for that file.
 */
final class CrashSender implements Callable<Void> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final LocalDateTime FIRST = LocalDateTime.of(2026, 11, 1, 0, 0, 0);
    private static final Duration GIVE_UP = Duration.ofMinutes(3);
    private static final double RESEND_SHARE = 0.05;

    /** An acknowledged file as its sender saw it. */
    record Acknowledged(String office, String fileName, String sha256, String messageId, long sequence) {
    }

    private final OfficeCredentials office;
    private final String recipient;
    private final HttpClient client;
    private final Supplier<URI> relay;
    private final AtomicBoolean stop;
    private final SplittableRandom random;
    private final Map<String, Acknowledged> acknowledged;
    private final Consumer<String> violations;
    final AtomicInteger filesSent = new AtomicInteger();
    final AtomicInteger duplicatesAnswered = new AtomicInteger();
    /** First sends answered as duplicates: the file was journaled but its 202 was lost in a kill. */
    final AtomicInteger lostAnswersRecovered = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();

    /** @param relayCertificate the relay's certificate (PEM), the only one trusted */
    CrashSender(OfficeCredentials office, String recipient, Path relayCertificate, Supplier<URI> relay,
            AtomicBoolean stop, long seed, Map<String, Acknowledged> acknowledged, Consumer<String> violations)
            throws IOException, GeneralSecurityException {
        this.office = office;
        this.recipient = recipient;
        this.client = HttpClient.newBuilder().sslContext(office.clientContext(relayCertificate))
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.relay = relay;
        this.stop = stop;
        this.random = new SplittableRandom(seed);
        this.acknowledged = acknowledged;
        this.violations = violations;
    }

    @Override
    public Void call() throws InterruptedException {
        for (int index = 0; !stop.get(); index++) {
            if (index > 0 && random.nextDouble() < RESEND_SHARE) {
                sendUntilAnswered(random.nextInt(index), true);
            }
            filesSent.incrementAndGet();
            sendUntilAnswered(index, false);
        }
        return null;
    }

    String office() {
        return office.officeNumber();
    }

    private void sendUntilAnswered(int index, boolean resend) throws InterruptedException {
        String name = new StandardFileName(FileKind.UPPLAN, Optional.of(MONTH), office(), "43", recipient, "11",
                FIRST.plusMinutes(index), true).format();
        byte[] content = content(index);
        String sha256 = JournalEntry.sha256(content);
        String clientId = ClientMessageId.of(office(), name, content);
        String signature = office.sign(name, content);
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        long backOffMillis = 20;
        while (System.nanoTime() < deadline) {
            attempts.incrementAndGet();
            try {
                HttpRequest request = HttpRequest.newBuilder(relay.get().resolve("/api/v1/files/" + name))
                        .timeout(Duration.ofSeconds(20))
                        .header(FileSignature.HEADER, signature)
                        .header("X-Renkei-Message-Id", clientId)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 202 || status == 200) {
                    record(name, sha256, status, JSON.readTree(response.body()), resend);
                    return;
                }
                if (status < 500 && status != 429) {
                    violations.accept(name + ": refused " + status + " " + response.body());
                    return;
                }
            } catch (IOException relayDown) {
                // killed or restarting: retry with the same client message id
            }
            Thread.sleep(backOffMillis);
            backOffMillis = Math.min(500, backOffMillis * 2);
        }
        violations.accept(name + ": not acknowledged within " + GIVE_UP);
    }

    private void record(String name, String sha256, int status, JsonNode answer, boolean resend) {
        Acknowledged now = new Acknowledged(office(), name, answer.get("sha256").asText(), answer.get("message_id").asText(),
                answer.get("sequence").asLong());
        boolean duplicate = answer.get("duplicate").asBoolean();
        if (duplicate) {
            duplicatesAnswered.incrementAndGet();
            if (!resend) {
                lostAnswersRecovered.incrementAndGet();
            }
        }
        if ((status == 200) != duplicate) {
            violations.accept(name + ": status " + status + " with duplicate=" + duplicate);
        }
        if (!sha256.equals(now.sha256())) {
            violations.accept(name + ": acknowledged SHA-256 " + now.sha256() + " is not the file's " + sha256);
        }
        Acknowledged earlier = acknowledged.putIfAbsent(name, now);
        if (earlier != null && !earlier.equals(now)) {
            violations.accept(name + ": answered " + now + " after " + earlier);
        }
    }

    /** A valid one-line plan, distinct per office and index. */
    private byte[] content(int index) {
        String person = String.format("%010d", 1_000_000_000L + (Long.parseLong(office()) % 1000) * 100_000 + index);
        return StandardFileWriter.toBytes(List.of(new ScheduleRecord(CsvVersion.V4_1, "310011", person,
                LocalDate.of(2026, 9, 28), MONTH, office(), "山田 花子", 250, null, MONTH.atDay(1 + index % 28), "", "0900",
                "1000", 1, "111211", "", "", "", "", recipient, "ひまわり訪問介護", "", "0", "", "").toFields()));
    }
}
