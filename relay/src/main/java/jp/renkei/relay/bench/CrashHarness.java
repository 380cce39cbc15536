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
import javax.net.ssl.SSLContext;
import jp.renkei.ingest.application.Application;
import jp.renkei.ingest.application.ApplicationRoster;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.ingest.pseudonym.PseudonymKeyStore;
import jp.renkei.relay.journal.JournalEntry;
import jp.renkei.relay.server.AgentToken;
import jp.renkei.relay.tls.RelayTlsMaterial;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The crash test: a relay in a child JVM, many concurrent senders, SIGKILL at seeded random moments and a restart on
 * the same home, N times; then the senders finish, the relay stops cleanly, and the harness checks that every
 * acknowledged file is in the addressee's inbox exactly once, journaled once, landed at least once and exactly once
 * after de-duplication by message id, and that the senders' receipts say delivered; and that nothing else was.
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
        prepare(home, settings.senders());
        Path logs = Files.createDirectories(home.resolve("logs"));
        SplittableRandom random = new SplittableRandom(settings.seed());
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        Map<String, CrashSender.Acknowledged> acknowledged = new ConcurrentHashMap<>();

        RelayProcess relay = RelayProcess.start(home, logs.resolve("relay-0.log"));
        SSLContext tls = RelayTlsMaterial.clientContext(home.resolve("relay").resolve("tls").resolve("relay-cert.pem"));
        String token = AgentToken.read(home.resolve("secrets"));
        AtomicReference<URI> current = new AtomicReference<>(base(relay));
        AtomicBoolean stop = new AtomicBoolean();
        List<CrashSender> senders = new ArrayList<>();
        for (int i = 0; i < settings.senders(); i++) {
            senders.add(new CrashSender(sender(i), RECIPIENT, tls, current::get, token, stop, random.nextLong(),
                    acknowledged, violations::add));
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
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
            URI uri = base(checking);
            journalRecords = get(client, uri, "/health", null, token).body().get("journal_sequence").asLong();
            receiptsDelivered = checkReceipts(client, uri, token, acknowledged.values(), violations);
        } finally {
            checking.stop();
        }
        Set<String> inbox = checkInbox(home, acknowledged, violations);
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

    /** Each acknowledged message: receipt for its sender says delivered with its SHA-256; others get 404. */
    private static int checkReceipts(HttpClient client, URI relay, String token,
            Iterable<CrashSender.Acknowledged> acknowledged, List<String> violations) throws Exception {
        int delivered = 0;
        Set<String> foreignChecked = new HashSet<>();
        for (CrashSender.Acknowledged message : acknowledged) {
            String path = "/api/v1/receipts/" + message.messageId();
            Answer receipt = get(client, relay, path, message.office(), token);
            JsonNode body = receipt.body();
            if (receipt.statusCode() == 200 && "delivered".equals(body.path("status").asText())
                    && message.sha256().equals(body.path("sha256").asText()) && !body.path("delivered_at").isNull()
                    && message.fileName().equals(body.path("file_name").asText())) {
                delivered++;
            } else {
                violations.add(message.fileName() + ": receipt " + receipt.statusCode() + " " + body);
            }
            if (foreignChecked.add(message.office())) {
                int foreign = get(client, relay, path, RECIPIENT, token).statusCode();
                if (foreign != 404) {
                    violations.add(message.fileName() + ": the addressee read the sender's receipt (" + foreign + ")");
                }
            }
        }
        int unknown = get(client, relay, "/api/v1/receipts/" + UUID.randomUUID(), sender(0), token).statusCode();
        if (unknown != 404) {
            violations.add("a receipt for a message never sent answered " + unknown);
        }
        return delivered;
    }

    /** The addressee's inbox holds exactly the acknowledged files, each with the acknowledged bytes. */
    private static Set<String> checkInbox(Path home, Map<String, CrashSender.Acknowledged> acknowledged,
            List<String> violations) throws IOException {
        Path folder = home.resolve("relay").resolve("inbox").resolve(RECIPIENT);
        Set<String> names = new HashSet<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(file -> !file.getFileName().toString().startsWith(".")).toList()) {
                    String name = file.getFileName().toString();
                    names.add(name);
                    CrashSender.Acknowledged message = acknowledged.get(name);
                    if (message == null) {
                        violations.add(name + ": in the inbox but never acknowledged to its sender");
                    } else if (!message.sha256().equals(JournalEntry.sha256(Files.readAllBytes(file)))) {
                        violations.add(name + ": the inbox holds other bytes than were acknowledged");
                    }
                }
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

    private static Answer get(HttpClient client, URI relay, String path, String office, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(relay.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token);
        if (office != null) {
            request.header("X-Renkei-Office", office);
        }
        HttpResponse<byte[]> response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    /** A home whose roster registers the addressee; landing flushes often so kills fall between flushes too. */
    private static void prepare(Path home, int senders) throws IOException {
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
    }

    static String sender(int index) {
        return String.format("312000%04d", index);
    }

    private static URI base(RelayProcess relay) {
        return URI.create("https://127.0.0.1:" + relay.port());
    }
}
