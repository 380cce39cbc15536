package jp.renkei.relay.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import jp.renkei.ingest.pseudonym.PseudonymKeyStore;
import jp.renkei.ingest.standard.FileKind;
import jp.renkei.ingest.standard.StandardFileName;
import jp.renkei.relay.agent.AgentEnrolment;
import jp.renkei.relay.pki.FileSignature;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.PkiLayout;
import jp.renkei.relay.server.RelayConfig;

/**
 * The relay under attack by a certified office, while an honest office sends at a steady rate: a relay process with a
 * small heap ({@code -Xmx256m}), then one attack at a time for a bounded time — parallel maximum-size junk uploads,
 * trickling bodies, a challenge flood, a storage-quota breach. Reports per phase the honest office's acknowledgements,
 * p50/p99 and errors, what the attacker got back, whether the relay stayed up, and at the end that every honest file it
 * acknowledged is in its addressee's inbox (nothing lost). The target (docs/relay.md): the relay stays up, honest p99
 * under 250 ms and no honest error.
 */
public final class AbuseHarness {
    static final String HONEST = "3110000011";
    static final String ATTACKER = "3110000052";
    static final String RECIPIENT = "3110000029";
    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final int PARALLEL_JUNK = 6;
    private static final int TRICKLING = 80;
    /**
     * Small, so that the quota attack reaches it within its phase with 1 MB files, and far above what the honest office
     * sends in the whole run (10 KB files at its steady rate).
     */
    private static final long QUOTA_BYTES = 32L * 1024 * 1024;

    private AbuseHarness() {
    }

    /** @param honestPerSecond the honest office's steady rate */
    public record Settings(Path scratch, Duration phase, int honestPerSecond) {
    }

    /** One phase's figures. */
    record Phase(String name, int honestAcknowledged, double honestP50, double honestP99, int honestErrors,
            Map<String, Integer> attackerAnswers, boolean relayUp) {
    }

    public static String run(Settings settings) throws Exception {
        Path home = settings.scratch().resolve("abuse-home");
        if (Files.exists(home)) {
            throw new IOException(home + " exists; remove it or give another --scratch");
        }
        Files.createDirectories(home);
        try {
            return attack(home, settings);
        } finally {
            RelayLoadBenchmark.deleteTree(home);
        }
    }

    private static String attack(Path home, Settings settings) throws Exception {
        BenchRoster.write(home, Map.of(HONEST, "43", ATTACKER, "43", RECIPIENT, "11"));
        Files.writeString(home.resolve("relay.properties"), "relay.office-bytes-per-day=" + QUOTA_BYTES + "\n");
        PseudonymKeyStore.createIfMissing(home);
        RelayConfig config = RelayConfig.load(home, new java.util.Properties(), Map.of());
        Map<String, OfficeCredentials> credentials = AgentEnrolment.issueMissing(home, config.home(),
                List.of(HONEST, ATTACKER, RECIPIENT), AgentEnrolment.DEFAULT_VALIDITY, Clock.systemUTC(), status -> { })
                .credentials();
        // The relay's TLS certificate is made at its first start; the clients need it.
        RelayProcess relay = RelayProcess.start(home, home.resolve("relay-process.log"));
        try {
            URI base = URI.create("https://127.0.0.1:" + relay.port());
            Path relayCertificate = PkiLayout.relayCertificate(config.home());
            Clients clients = new Clients(base, credentials, relayCertificate);
            Honest honest = new Honest(clients);
            List<Phase> phases = new ArrayList<>();
            Thread sender = new Thread(() -> honest.sendSteadily(settings.honestPerSecond()), "honest-office");
            sender.start();
            try {
                phases.add(phase("no attack", settings, honest, relay, attackerAnswers -> { }));
                phases.add(phase("junk: " + PARALLEL_JUNK + " parallel 16 MiB bodies of short lines", settings, honest,
                        relay, answers -> junk(clients, answers, settings.phase())));
                phases.add(phase("trickle: " + TRICKLING + " bodies sent a byte at a time", settings, honest, relay,
                        answers -> trickle(clients, answers, settings.phase())));
                phases.add(phase("challenge flood", settings, honest, relay,
                        answers -> challengeFlood(clients, answers, settings.phase())));
                phases.add(phase("quota breach: valid 1 MB files past " + QUOTA_BYTES / (1 << 20) + " MiB a day", settings,
                        honest, relay, answers -> quota(clients, answers, settings.phase())));
            } finally {
                honest.stop();
                sender.join();
            }
            Set<String> inbox = clients.inbox(RECIPIENT);
            Set<String> lost = new HashSet<>(honest.acknowledgedNames());
            lost.removeAll(inbox);
            return report(phases, honest.acknowledgedNames().size(), lost.size(), relay.isAlive());
        } finally {
            relay.stop();
        }
    }

    @FunctionalInterface
    private interface Attack {
        void run(Map<String, Integer> attackerAnswers) throws Exception;
    }

    private static Phase phase(String name, Settings settings, Honest honest, RelayProcess relay, Attack attack)
            throws Exception {
        System.err.println("phase: " + name + " (" + settings.phase().toSeconds() + " s)");
        honest.newPhase();
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        attack.run(answers);
        long left = settings.phase().toNanos() - (System.nanoTime() - started);
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        Honest.Counts counts = honest.phaseCounts();
        return new Phase(name, counts.acknowledged(), counts.latencies().percentileMillis(50),
                counts.latencies().percentileMillis(99), counts.errors(), new LinkedHashMap<>(answers), relay.isAlive());
    }

    private static void count(Map<String, Integer> answers, String answer) {
        answers.merge(answer, 1, Integer::sum);
    }

    private static void junk(Clients clients, Map<String, Integer> answers, Duration phase) throws Exception {
        byte[] junk = new byte[(int) RelayConfig.DEFAULT_MAXIMUM_FILE_BYTES];
        for (int i = 0; i + 1 < junk.length; i += 2) {
            junk[i] = '1';
            junk[i + 1] = '\n';
        }
        runFor(PARALLEL_JUNK, phase, index -> {
            String name = clients.nextName(ATTACKER);
            count(answers, clients.upload(ATTACKER, name, junk));
        });
    }

    private static void trickle(Clients clients, Map<String, Integer> answers, Duration phase) throws Exception {
        List<SSLSocket> sockets = new ArrayList<>();
        long end = System.nanoTime() + phase.toNanos();
        try {
            byte[] file = RelayLoadBenchmark.tenKilobyteFile(ATTACKER, RECIPIENT);
            for (int i = 0; i < TRICKLING; i++) {
                String name = clients.nextName(ATTACKER);
                SSLSocket socket = (SSLSocket) clients.context(ATTACKER).getSocketFactory()
                        .createSocket(clients.base().getHost(), clients.base().getPort());
                socket.startHandshake();
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/files/" + name + " HTTP/1.1\r\nHost: relay\r\nContent-Length: " + file.length
                        + "\r\n" + FileSignature.HEADER + ": " + clients.sign(ATTACKER, name, file) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(file, 0, 1);
                out.flush();
                sockets.add(socket);
            }
            // a byte every 5 s on every connection, for the whole phase
            for (int sent = 1; System.nanoTime() < end; sent++) {
                TimeUnit.SECONDS.sleep(5);
                for (SSLSocket socket : sockets) {
                    try {
                        socket.getOutputStream().write(new byte[] {' '});
                        socket.getOutputStream().flush();
                    } catch (IOException closedByTheRelay) {
                        // counted below
                    }
                }
            }
        } finally {
            for (SSLSocket socket : sockets) {
                socket.setSoTimeout(2_000);
                String status;
                try {
                    byte[] head = socket.getInputStream().readNBytes(12);
                    status = head.length >= 12 ? new String(head, 9, 3, StandardCharsets.US_ASCII) : "closed";
                } catch (IOException closed) {
                    status = "closed";
                }
                count(answers, status);
                socket.close();
            }
        }
    }

    private static void challengeFlood(Clients clients, Map<String, Integer> answers, Duration phase) throws Exception {
        runFor(2, phase, index -> count(answers, clients.post(ATTACKER, "/api/v1/card-checks/challenges")));
    }

    private static void quota(Clients clients, Map<String, Integer> answers, Duration phase) throws Exception {
        byte[] file = RelayLoadBenchmark.scheduleFile(ATTACKER, RECIPIENT, 1 << 20);
        runFor(2, phase, index -> count(answers, clients.upload(ATTACKER, clients.nextName(ATTACKER), file)));
    }

    @FunctionalInterface
    private interface Step {
        void run(int worker) throws Exception;
    }

    /** Repeats {@code step} on {@code workers} threads until the phase is over. */
    private static void runFor(int workers, Duration phase, Step step) throws Exception {
        long end = System.nanoTime() + phase.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (int worker = 0; worker < workers; worker++) {
                int index = worker;
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            step.run(index);
                        } catch (Exception failed) {
                            // the attacker's failures are the point; they are counted by the step where they matter
                        }
                    }
                    return null;
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(phase.toSeconds() + 60, TimeUnit.SECONDS);
        }
    }

    private static String report(List<Phase> phases, int acknowledged, int lost, boolean relayUp) {
        StringWriter text = new StringWriter();
        text.append(String.format("%-58s %6s %8s %8s %6s  %s%n", "phase", "acks", "p50 ms", "p99 ms", "errors",
                "attacker got (status: count)"));
        for (Phase phase : phases) {
            text.append(String.format("%-58s %6d %8.1f %8.1f %6d  %s%s%n", phase.name(), phase.honestAcknowledged(),
                    phase.honestP50(), phase.honestP99(), phase.honestErrors(), phase.attackerAnswers(),
                    phase.relayUp() ? "" : "  RELAY DOWN"));
        }
        text.append(String.format("honest files acknowledged %,d, missing from the addressee's inbox %d; relay %s%n",
                acknowledged, lost, relayUp ? "up" : "DOWN"));
        boolean met = relayUp && lost == 0 && phases.stream().allMatch(phase -> phase.relayUp()
                && phase.honestErrors() == 0 && phase.honestP99() < 250);
        text.append("target (relay up, nothing lost, honest p99 < 250 ms and 0 errors in every phase): "
                + (met ? "met" : "NOT met") + "\n");
        return text.toString();
    }

    /** HTTPS clients of the three offices, with their credentials. */
    private static final class Clients {
        private final URI base;
        private final Map<String, OfficeCredentials> credentials;
        private final Map<String, SSLContext> contexts = new ConcurrentHashMap<>();
        private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
        private final AtomicLong names = new AtomicLong();

        Clients(URI base, Map<String, OfficeCredentials> credentials, Path relayCertificate) throws Exception {
            this.base = base;
            this.credentials = credentials;
            for (Map.Entry<String, OfficeCredentials> office : credentials.entrySet()) {
                SSLContext context = office.getValue().clientContext(relayCertificate);
                contexts.put(office.getKey(), context);
                clients.put(office.getKey(), HttpClient.newBuilder().sslContext(context)
                        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build());
            }
        }

        URI base() {
            return base;
        }

        SSLContext context(String office) {
            return contexts.get(office);
        }

        String nextName(String sender) {
            return new StandardFileName(FileKind.UPPLAN, Optional.of(MONTH), sender, "43", RECIPIENT, "11",
                    LocalDateTime.of(2026, 11, 1, 0, 0).plusSeconds(names.getAndIncrement()), true).format();
        }

        String sign(String office, String name, byte[] content) {
            return credentials.get(office).sign(name, content);
        }

        /** Uploads and returns the status, with the error code when there is one ("413 RELAY-SIZE-002"). */
        String upload(String office, String name, byte[] content) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/files/" + name))
                    .header(FileSignature.HEADER, sign(office, name, content))
                    .header("X-Renkei-Message-Id", UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.US_ASCII)).toString())
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
            return answer(clients.get(office).send(request, HttpResponse.BodyHandlers.ofString()));
        }

        String post(String office, String path) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            return answer(clients.get(office).send(request, HttpResponse.BodyHandlers.ofString()));
        }

        Set<String> inbox(String office) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/inbox")).timeout(Duration.ofSeconds(60))
                    .GET().build();
            String body = clients.get(office).send(request, HttpResponse.BodyHandlers.ofString()).body();
            Set<String> names = new HashSet<>();
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("files")
                    .forEach(file -> names.add(file.asText()));
            return names;
        }

        private static String answer(HttpResponse<String> response) {
            int code = response.body().indexOf("\"code\"");
            if (response.statusCode() < 400 || code < 0) {
                return Integer.toString(response.statusCode());
            }
            int start = response.body().indexOf('"', code + 7) + 1;
            return response.statusCode() + " " + response.body().substring(start, response.body().indexOf('"', start));
        }
    }

    /** The honest office: one valid file at a time, at a steady rate, each acknowledgement timed. */
    private static final class Honest {
        record Counts(int acknowledged, int errors, LatencyRecorder latencies) {
        }

        private final Clients clients;
        private final byte[] file = RelayLoadBenchmark.tenKilobyteFile(HONEST, RECIPIENT);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        private volatile LatencyRecorder latencies = new LatencyRecorder();
        private final AtomicLong phaseAcknowledged = new AtomicLong();
        private final AtomicLong phaseErrors = new AtomicLong();

        Honest(Clients clients) {
            this.clients = clients;
        }

        void sendSteadily(int perSecond) {
            long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
            long next = System.nanoTime();
            while (running.get()) {
                String name = clients.nextName(HONEST);
                long started = System.nanoTime();
                try {
                    String answer = clients.upload(HONEST, name, file);
                    if (answer.equals("202")) {
                        latencies.record(System.nanoTime() - started);
                        acknowledged.add(name);
                        phaseAcknowledged.incrementAndGet();
                    } else {
                        phaseErrors.incrementAndGet();
                        System.err.println("honest upload refused: " + answer);
                    }
                } catch (Exception failed) {
                    phaseErrors.incrementAndGet();
                    System.err.println("honest upload failed: " + failed);
                }
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }

        void newPhase() {
            latencies = new LatencyRecorder();
            phaseAcknowledged.set(0);
            phaseErrors.set(0);
        }

        Counts phaseCounts() {
            return new Counts((int) phaseAcknowledged.get(), (int) phaseErrors.get(), latencies);
        }

        List<String> acknowledgedNames() {
            return List.copyOf(acknowledged);
        }

        void stop() {
            running.set(false);
        }
    }
}
