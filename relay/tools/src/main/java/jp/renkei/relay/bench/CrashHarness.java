package jp.renkei.relay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import jp.renkei.ingest.application.Application;
import jp.renkei.ingest.application.ApplicationRoster;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.ingest.pseudonym.PseudonymKeyStore;
import jp.renkei.relay.journal.JournalEntry;
import jp.renkei.relay.pki.AgentEnrolment;
import jp.renkei.relay.pki.FileSignature;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.PkiLayout;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The crash test: a relay in a child JVM, many concurrent senders, SIGKILL at seeded random moments and a restart on
 * the same home, N times; then the senders finish, the relay stops cleanly, and the harness checks that every
 * acknowledged file is in the addressee's inbox exactly once, journaled once, landed at least once and exactly once
 * after de-duplication by message id, and that the senders' receipts say delivered; and that nothing else was.
 * Every office (senders and addressee) has its own client certificate, issued in the scratch home before the first
 * start, and signs what it sends.
 */
public final class CrashHarness {
    static final String RECIPIENT = "3110000029";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CSVFormat LANDING_CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    /** What to run: kill after an uptime drawn between the two bounds, seeded. */
    public record Settings(Path scratch, int cycles, int senders, long seed, Duration minimumUptime,
            Duration maximumUptime) {
    }

    public record Result(Path home, int cycles, int senders, int filesSent, int acknowledged, int duplicatesAnswered,
            int lostAnswersRecovered, int attempts, long maximumRestartMillis, long maximumRecoveryMillis, long replayedRecords,
            long journalRecords, int inboxFiles, int landedRows, int landedMessages, int receiptsDelivered,
            List<String> violations) {

        public boolean passed() {
            return violations.isEmpty();
        }

        public String report() {
            StringBuilder text = new StringBuilder();
            text.append(String.format("kill -9 cycles                  %,10d%n", cycles));
            text.append(String.format("senders                         %,10d%n", senders));
            text.append(String.format("files sent                      %,10d%n", filesSent));
            text.append(String.format("upload attempts                 %,10d%n", attempts));
            text.append(String.format("files acknowledged              %,10d%n", acknowledged));
            text.append(String.format("duplicates answered (200)       %,10d (%,d of them first sends whose 202 was lost"
                    + " in a kill)%n", duplicatesAnswered, lostAnswersRecovered));
            text.append(String.format("journal records                 %,10d%n", journalRecords));
            text.append(String.format("records replayed on restarts    %,10d%n", replayedRecords));
            text.append(String.format("max journal recovery            %,10d ms%n", maximumRecoveryMillis));
            text.append(String.format("max restart (launch to listen)  %,10d ms%n", maximumRestartMillis));
            text.append(String.format("inbox files                     %,10d%n", inboxFiles));
            text.append(String.format("landed exchange rows            %,10d (%,d messages after de-duplication)%n",
                    landedRows, landedMessages));
            text.append(String.format("receipts saying delivered      %,10d%n", receiptsDelivered));
            text.append(violations.isEmpty() ? "verdict                         PASSED\n"
                    : "verdict                         FAILED\n  " + String.join("\n  ", violations) + "\n");
            text.append("home                            ").append(home).append('\n');
            return text.toString();
        }
    }

    private CrashHarness() {
    }

    public static Result run(Settings settings) throws Exception {
        Path home = Files.createTempDirectory(Files.createDirectories(settings.scratch()), "relay-crash-");
        Map<String, OfficeCredentials> offices = prepare(home, settings.senders());
        Path logs = Files.createDirectories(home.resolve("logs"));
        SplittableRandom random = new SplittableRandom(settings.seed());
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        Map<String, CrashSender.Acknowledged> acknowledged = new ConcurrentHashMap<>();

        RelayProcess relay = RelayProcess.start(home, logs.resolve("relay-0.log"));
        Path relayCertificate = PkiLayout.relayCertificate(PkiLayout.defaultRelayHome(home));
        AtomicReference<URI> current = new AtomicReference<>(base(relay));
        AtomicBoolean stop = new AtomicBoolean();
        List<CrashSender> senders = new ArrayList<>();
        for (int i = 0; i < settings.senders(); i++) {
            senders.add(new CrashSender(offices.get(sender(i)), RECIPIENT, relayCertificate, current::get, stop,
                    random.nextLong(), acknowledged, violations::add));
        }
        ExecutorService pool = Executors.newFixedThreadPool(settings.senders());
        List<Future<Void>> running = new ArrayList<>();
        senders.forEach(sender -> running.add(pool.submit(sender)));

        long maximumRestart = 0;
        long maximumRecovery = 0;
        long replayed = 0;
        try {
            for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
                long uptime = random.nextLong(settings.minimumUptime().toMillis(), settings.maximumUptime().toMillis() + 1);
                Thread.sleep(uptime);
                relay.kill();
                relay = RelayProcess.start(home, logs.resolve("relay-" + cycle + ".log"));
                current.set(base(relay));
                long[] recovery = relay.recovery();
                maximumRestart = Math.max(maximumRestart, relay.startMillis());
                maximumRecovery = Math.max(maximumRecovery, recovery[1]);
                replayed += recovery[2];
            }
            stop.set(true);
            for (Future<Void> sender : running) {
                sender.get(5, TimeUnit.MINUTES);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
            relay.stop();
        }

        RelayProcess checking = RelayProcess.start(home, logs.resolve("relay-verify.log"));
        long journalRecords;
        int receiptsDelivered;
        Set<String> inbox;
        try {
            Map<String, HttpClient> clients = new HashMap<>();
            for (OfficeCredentials office : offices.values()) {
                clients.put(office.officeNumber(), HttpClient.newBuilder().sslContext(office.clientContext(relayCertificate))
                        .version(HttpClient.Version.HTTP_1_1).build());
            }
            URI uri = base(checking);
            journalRecords = get(clients.get(RECIPIENT), uri, "/health").body().get("journal_sequence").asLong();
            receiptsDelivered = checkReceipts(clients, uri, acknowledged.values(), violations);
            inbox = checkInbox(clients.get(RECIPIENT), uri, offices, acknowledged, violations);
        } finally {
            checking.stop();
        }
        int[] landed = checkLanding(home, acknowledged, violations);
        if (journalRecords != acknowledged.size()) {
            violations.add("the journal holds " + journalRecords + " records for " + acknowledged.size()
                    + " acknowledged files: a repeated upload was journaled twice, or an unacknowledged one was kept");
        }
        int filesSent = senders.stream().mapToInt(sender -> sender.filesSent.get()).sum();
        if (filesSent != acknowledged.size()) {
            violations.add(filesSent + " files sent but " + acknowledged.size() + " acknowledged");
        }
        return new Result(home, settings.cycles(), settings.senders(), filesSent, acknowledged.size(),
                senders.stream().mapToInt(sender -> sender.duplicatesAnswered.get()).sum(),
                senders.stream().mapToInt(sender -> sender.lostAnswersRecovered.get()).sum(),
                senders.stream().mapToInt(sender -> sender.attempts.get()).sum(), maximumRestart, maximumRecovery,
                replayed, journalRecords, inbox.size(), landed[0], landed[1], receiptsDelivered, List.copyOf(violations));
    }

    /**
     * Each acknowledged message: receipt for its sender says delivered with its SHA-256; others get 404.
     *
     * @param clients per office, a client presenting that office's certificate
     */
    private static int checkReceipts(Map<String, HttpClient> clients, URI relay,
            Iterable<CrashSender.Acknowledged> acknowledged, List<String> violations) throws Exception {
        int delivered = 0;
        Set<String> foreignChecked = new HashSet<>();
        for (CrashSender.Acknowledged message : acknowledged) {
            String path = "/api/v1/receipts/" + message.messageId();
            Answer receipt = get(clients.get(message.office()), relay, path);
            JsonNode body = receipt.body();
            if (receipt.statusCode() == 200 && "delivered".equals(body.path("status").asText())
                    && message.sha256().equals(body.path("sha256").asText()) && !body.path("delivered_at").isNull()
                    && message.fileName().equals(body.path("file_name").asText())) {
                delivered++;
            } else {
                violations.add(message.fileName() + ": receipt " + receipt.statusCode() + " " + body);
            }
            if (foreignChecked.add(message.office())) {
                int foreign = get(clients.get(RECIPIENT), relay, path).statusCode();
                if (foreign != 404) {
                    violations.add(message.fileName() + ": the addressee read the sender's receipt (" + foreign + ")");
                }
            }
        }
        int unknown = get(clients.get(sender(0)), relay, "/api/v1/receipts/" + UUID.randomUUID()).statusCode();
        if (unknown != 404) {
            violations.add("a receipt for a message never sent answered " + unknown);
        }
        return delivered;
    }

    /**
     * The addressee's inbox (as the relay lists and serves it to the addressee) holds exactly the acknowledged files,
     * each with the acknowledged bytes and its sender's signature over them.
     */
    private static Set<String> checkInbox(HttpClient addressee, URI relay, Map<String, OfficeCredentials> offices,
            Map<String, CrashSender.Acknowledged> acknowledged, List<String> violations) throws Exception {
        Set<String> names = new HashSet<>();
        Answer listing = get(addressee, relay, "/api/v1/inbox");
        if (listing.statusCode() != 200) {
            violations.add("the addressee could not list its inbox: " + listing.statusCode() + " " + listing.body());
            return names;
        }
        for (JsonNode file : listing.body().path("files")) {
            String name = file.asText();
            names.add(name);
            CrashSender.Acknowledged message = acknowledged.get(name);
            if (message == null) {
                violations.add(name + ": in the inbox but never acknowledged to its sender");
                continue;
            }
            HttpResponse<byte[]> download = addressee.send(HttpRequest.newBuilder(relay.resolve("/api/v1/inbox/" + name))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (download.statusCode() != 200 || !message.sha256().equals(JournalEntry.sha256(download.body()))) {
                violations.add(name + ": the inbox serves other bytes than were acknowledged (" + download.statusCode() + ")");
                continue;
            }
            String signer = download.headers().firstValue(FileSignature.SIGNER_HEADER).orElse(null);
            String signature = download.headers().firstValue(FileSignature.HEADER).orElse(null);
            X509Certificate sender = offices.get(message.office()).certificate();
            if (signer == null || !FileSignature.decodeCertificate(signer).equals(sender)
                    || !FileSignature.verifies(sender, name, download.body(), signature)) {
                violations.add(name + ": the inbox does not serve the sender's signature over the bytes");
            }
        }
        for (String name : acknowledged.keySet()) {
            if (!names.contains(name)) {
                violations.add(name + ": acknowledged but not in the addressee's inbox");
            }
        }
        return names;
    }

    /** {rows, distinct message ids}: every acknowledged message lands at least once, under its one message id. */
    private static int[] checkLanding(Path home, Map<String, CrashSender.Acknowledged> acknowledged,
            List<String> violations) throws IOException {
        Map<String, Set<String>> messageIdsByFile = new HashMap<>();
        int rows = 0;
        Path folder = home.resolve("landing").resolve(LandingDataset.EXCHANGES.directoryName());
        List<Path> parts = List.of();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                parts = files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                        .filter(file -> !file.getFileName().toString().startsWith("_")).toList();
            }
        }
        Map<String, String> fileByMessageId = new HashMap<>();
        acknowledged.values().forEach(message -> fileByMessageId.put(message.messageId(), message.fileName()));
        for (Path part : parts) {
            try (Reader reader = Files.newBufferedReader(part, StandardCharsets.UTF_8);
                 CSVParser parser = LANDING_CSV.parse(reader)) {
                for (CSVRecord row : parser) {
                    rows++;
                    String messageId = row.get("message_id");
                    String file = fileByMessageId.get(messageId);
                    if (file == null) {
                        violations.add("landed message " + messageId + " was never acknowledged to a sender");
                    } else {
                        messageIdsByFile.computeIfAbsent(file, name -> new HashSet<>()).add(messageId);
                    }
                }
            }
        }
        for (String name : acknowledged.keySet()) {
            Set<String> ids = messageIdsByFile.getOrDefault(name, Set.of());
            if (ids.size() != 1) {
                violations.add(name + ": landed under " + ids.size() + " message ids, not 1");
            }
        }
        return new int[] {rows, messageIdsByFile.values().stream().mapToInt(Set::size).sum()};
    }

    private record Answer(int statusCode, JsonNode body) {
    }

    /** A GET as the office whose certificate {@code client} presents. */
    private static Answer get(HttpClient client, URI relay, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(relay.resolve(path)).timeout(Duration.ofSeconds(20)).GET().build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    /**
     * A home whose roster registers the addressee, with every office's credentials (and the relay's trust anchor);
     * landing flushes often so kills fall between flushes too.
     */
    private static Map<String, OfficeCredentials> prepare(Path home, int senders) throws IOException {
        PseudonymKeyStore.createIfMissing(home);
        Path roster = home.resolve("relay").resolve("registry").resolve("applications.csv");
        Files.createDirectories(roster.getParent());
        LocalDate day = LocalDate.of(2025, 4, 1);
        List<Application> applications = new ArrayList<>();
        applications.add(new Application(RECIPIENT, "11", day, day, null, Application.Plan.PAID));
        for (int i = 0; i < senders; i++) {
            applications.add(new Application(sender(i), "43", day, day, null, Application.Plan.PAID));
        }
        try (var writer = Files.newBufferedWriter(roster, StandardCharsets.UTF_8)) {
            ApplicationRoster.write(writer, applications);
        }
        Files.writeString(home.resolve("relay.properties"), "relay.landing.flush-interval-millis=250\n",
                StandardCharsets.UTF_8);
        List<String> offices = applications.stream().map(Application::officeNumber).toList();
        return AgentEnrolment.issueMissing(home, PkiLayout.defaultRelayHome(home), offices,
                AgentEnrolment.DEFAULT_VALIDITY, Clock.systemUTC(), status -> { }).credentials();
    }

    static String sender(int index) {
        return String.format("312000%04d", index);
    }

    private static URI base(RelayProcess relay) {
        return URI.create("https://127.0.0.1:" + relay.port());
    }
}
