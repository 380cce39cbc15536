package jp.renkei.relay.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import jp.renkei.ingest.pseudonym.PseudonymKeyStore;
import jp.renkei.ingest.standard.CsvVersion;
import jp.renkei.ingest.standard.FileKind;
import jp.renkei.ingest.standard.ScheduleRecord;
import jp.renkei.ingest.standard.StandardFileName;
import jp.renkei.ingest.standard.StandardFileWriter;
import jp.renkei.relay.pki.AgentEnrolment;
import jp.renkei.relay.pki.FileSignature;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.PkiLayout;
import jp.renkei.relay.server.RelayConfig;
import jp.renkei.relay.server.RelayServer;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.DuplexConnectionPool;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Load on a real relay (HTTPS, validation, fsync-before-acknowledge) in a scratch home on this disk, beside the disk's
 * own fsync rate measured in the same run: (1) closed loop — as many files per second as the clients can get
 * acknowledged; (2) open loop — a fixed offered rate, latency measured from each file's scheduled send time so a
 * stalled relay cannot hide its queueing (no coordinated omission). Clients share the machine with the relay.
 *
 * <p>The clients are one office with its client certificate (mutual TLS); every copy has the same bytes, so the file
 * is signed once before timing and only the names differ. They use Jetty's HTTP client (a connection per client in
 * one pool): the JDK client cost a measurable share of this 2-core machine's CPU.
 */
public final class RelayLoadBenchmark {
    private static final String SENDER = "3110000011";
    private static final String RECIPIENT = "3110000029";
    private static final int FILE_BYTES_TARGET = 10 * 1024;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final Duration WARM_UP_STEP = Duration.ofSeconds(5);
    /** One quiet step was often followed by another burst of compiling (a method deoptimised and compiled again). */
    private static final int SETTLED_STEPS = 2;

    /** What to run; defaults are the figures the relay issue asks about. */
    /** More than the closed loop has reached on this kind of machine (up to about 4,000 files/s). */
    private static final int PRESIGNED_PER_CLOSED_LOOP_SECOND = 4_500;
    /** Names the warm-up sends round and round. */
    private static final int WARM_UP_NAMES = 4_000;

    public record Settings(Path scratch, int clients, Duration warmUp, Duration warmUpLimit, Duration closedLoop,
            int offeredRate, Duration openLoop, int baselineRecords) {
    }

    public record Result(double singleFsyncPerSecond, double groupedFsyncPerSecond, double closedLoopFilesPerSecond,
            double closedLoopP50, double closedLoopP99, double offeredRate, double openLoopAchieved, double openLoopP50,
            double openLoopP99, int fileBytes, long journalForces, CpuAccount.PerFile closedLoopCpu,
            CpuAccount.PerFile openLoopCpu, PerSecondCounts.Spread closedLoopSeconds) {

        public String report() {
            StringWriter text = new StringWriter();
            text.append(String.format("file size                       %,d bytes (UPPLAN, MS932)%n", fileBytes));
            text.append(String.format("baseline: write+force 1 by 1    %,10.0f files/s%n", singleFsyncPerSecond));
            text.append(String.format("baseline: write+force by 32     %,10.0f files/s%n", groupedFsyncPerSecond));
            text.append(String.format("relay closed loop               %,10.0f files/s  p50 %.1f ms  p99 %.1f ms%n",
                    closedLoopFilesPerSecond, closedLoopP50, closedLoopP99));
            text.append(String.format("  its seconds: slowest %,d  median %,d  fastest %,d files/s%n",
                    closedLoopSeconds.slowest(), closedLoopSeconds.median(), closedLoopSeconds.fastest()));
            text.append(String.format("relay open loop at %,5.0f/s       %,10.0f files/s  p50 %.1f ms  p99 %.1f ms%n",
                    offeredRate, openLoopAchieved, openLoopP50, openLoopP99));
            text.append(String.format("ratio relay ÷ single fsync      %10.2f%n", closedLoopFilesPerSecond / singleFsyncPerSecond));
            text.append(String.format("ratio relay ÷ grouped fsync     %10.2f%n", closedLoopFilesPerSecond / groupedFsyncPerSecond));
            text.append(String.format("journal forces                  %,10d%n", journalForces));
            cpu(text, "closed loop", closedLoopCpu);
            cpu(text, "open loop", openLoopCpu);
            return text.toString();
        }

        private static void cpu(StringWriter text, String phase, CpuAccount.PerFile cpu) {
            text.append(String.format("CPU per file, %-11s       relay %,.0f µs  client %,.0f µs  GC, JIT and rest %,.0f µs"
                    + "  (JIT compiled %,d ms; %,d collections, %,d ms; relay alone on %d cores: %,.0f files/s)%n",
                    phase, cpu.relayMicros(), cpu.clientMicros(), cpu.restMicros(), cpu.compilationMillis(),
                    cpu.collections(), cpu.collectionMillis(), CORES, cpu.relayCapacity(CORES)));
        }
    }

    private RelayLoadBenchmark() {
    }

    /** Runs in a scratch home under {@code settings.scratch()} and deletes it afterwards: a run journals gigabytes. */
    public static Result run(Settings settings) throws Exception {
        Path home = Files.createTempDirectory(Files.createDirectories(settings.scratch()), "relay-bench-");
        try {
            return measure(home, settings);
        } finally {
            deleteTree(home);
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Result measure(Path home, Settings settings) throws Exception {
        byte[] content = tenKilobyteFile();
        double single = FsyncBaseline.recordsPerSecond(home, content.length, settings.baselineRecords(), 1);
        double grouped = FsyncBaseline.recordsPerSecond(home, content.length, settings.baselineRecords(), 32);

        BenchRoster.write(home, Map.of(SENDER, "43", RECIPIENT, "11"));
        PseudonymKeyStore.createIfMissing(home);
        Properties properties = new Properties();
        // One office sends everything here: its fair-share limit would measure the limit, not the relay.
        properties.setProperty("relay.office-uploads-per-second", "0");
        properties.setProperty("relay.office-uploads-in-flight", "0");
        properties.setProperty("relay.office-bytes-per-day", "0");
        RelayConfig config = RelayConfig.load(home, properties, System.getenv()).withPort(0);
        OfficeCredentials sender = AgentEnrolment.issueMissing(home, config.home(), List.of(SENDER),
                AgentEnrolment.DEFAULT_VALIDITY, Clock.systemUTC(), status -> { }).credentials().get(SENDER);
        try (RelayServer relay = RelayServer.start(config, PseudonymKeyStore.load(home, System.getenv()), Clock.systemUTC())) {
            URI uri = URI.create("https://127.0.0.1:" + relay.port());
            HttpClient client = client(sender.clientContext(PkiLayout.relayCertificate(config.home())),
                    settings.clients());
            try {
                AtomicLong names = new AtomicLong();
                Uploads uploads = new Uploads(client, uri, sender, content, names,
                        new java.util.concurrent.ConcurrentLinkedQueue<>(), new AtomicLong(), new java.util.concurrent.CopyOnWriteArrayList<>(),
                        new AtomicLong());
                // A signature covers the file's name, so each upload needs its own; signing (about 1 ms of RSA each)
                // while sending would charge the relay's figures with the agent's work and kept the client so busy
                // that the relay was not warmed. So every name is signed first, outside the clock: the warm-up sends a
                // pool of them round and round (the relay takes a name again as a new message), the measured phases
                // get fresh ones. Signing comes before the warm-up, not between it and the measured phases: the
                // relay idle for the half minute of signing had its compiled code swept, and the JIT compiled for 8 s
                // of the measured 15 s again.
                int presigned = uploads.presign((int) Math.min(Integer.MAX_VALUE, settings.closedLoop().toSeconds()
                        * PRESIGNED_PER_CLOSED_LOOP_SECOND + settings.openLoop().toSeconds() * settings.offeredRate() * 11 / 10));
                System.err.printf("signed %,d file names ahead of the measured phases%n", presigned);
                uploads.presignWarmUpPool(WARM_UP_NAMES);
                warmUp(uploads, settings);
                uploads.endWarmUp();
                uploads.signedOnTheFly().set(0);
                CpuAccount cpu = new CpuAccount();
                LatencyRecorder closed = new LatencyRecorder();
                CpuAccount.Snapshot beforeClosed = cpu.snapshot();
                PerSecondCounts closedSeconds = new PerSecondCounts(System.nanoTime(),
                        (int) settings.closedLoop().toSeconds());
                double closedRate = uploads.closedLoop(settings.clients(), settings.closedLoop(), closed, closedSeconds);
                CpuAccount.PerFile closedCpu = CpuAccount.perFile(beforeClosed, cpu.snapshot(), closed.count());
                LatencyRecorder open = new LatencyRecorder();
                CpuAccount.Snapshot beforeOpen = cpu.snapshot();
                double openRate = uploads.openLoop(settings.offeredRate(), settings.openLoop(), open);
                CpuAccount.PerFile openCpu = CpuAccount.perFile(beforeOpen, cpu.snapshot(), open.count());
                long forces = journalForces(client, uri);
                if (uploads.signedOnTheFly().get() > 0) {
                    System.err.printf("note: %,d uploads were signed while measuring (the pre-signed names ran out);"
                            + " their signing is in the client's CPU%n", uploads.signedOnTheFly().get());
                }
                return new Result(single, grouped, closedRate, closed.percentileMillis(50), closed.percentileMillis(99),
                        settings.offeredRate(), openRate, open.percentileMillis(50), open.percentileMillis(99),
                        content.length, forces, closedCpu, openCpu, closedSeconds.spread());
            } finally {
                client.stop();
            }
        }
    }

    /**
     * Jetty's client presenting the office certificate, with one connection pool for the relay sized to the client
     * count (HTTP/1.1: one request per connection at a time) and room to queue the open loop's backlog.
     */
    private static HttpClient client(SSLContext tls, int clients) throws Exception {
        SslContextFactory.Client ssl = new SslContextFactory.Client();
        ssl.setSslContext(tls);
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(ssl);
        connector.setSelectors(1);
        HttpClientTransportOverHTTP transport = new HttpClientTransportOverHTTP(connector);
        transport.setConnectionPoolFactory(destination -> new DuplexConnectionPool(destination, clients));
        HttpClient client = new HttpClient(transport);
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(16, clients + 8));
        threads.setName("bench-client");
        client.setExecutor(threads);
        client.setMaxConnectionsPerDestination(clients);
        client.setMaxRequestsQueuedPerDestination(1 << 20);
        client.setConnectTimeout(10_000);
        client.start();
        return client;
    }

    /**
     * Closed-loop load until the JIT has settled: at least {@code warmUp}, then in steps of {@link #WARM_UP_STEP} until
     * two steps in a row compiled for under 1 % of the machine's CPU, at most {@code warmUpLimit}. On two cores under full load
     * the compiler threads get little CPU, so compiling the TLS, HTTP and parsing paths takes tens of seconds, and a
     * phase measured before that measures the compiler.
     */
    private static void warmUp(Uploads uploads, Settings settings) throws Exception {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        long started = System.nanoTime();
        long limit = settings.warmUpLimit().toNanos();
        uploads.closedLoop(settings.clients(), settings.warmUp(), new LatencyRecorder(), null);
        long compiledMillis = compiler.getTotalCompilationTime();
        long settledMillis = WARM_UP_STEP.toMillis() * CORES / 100;
        int quietSteps = 0;
        while (System.nanoTime() - started < limit) {
            double rate = uploads.closedLoop(settings.clients(), WARM_UP_STEP, new LatencyRecorder(), null);
            long step = compiler.getTotalCompilationTime() - compiledMillis;
            compiledMillis += step;
            System.err.printf("warm-up %,3d s: %,6.0f files/s, JIT compiled for %,d ms in the last %d s%n",
                    (System.nanoTime() - started) / 1_000_000_000L, rate, step, WARM_UP_STEP.toSeconds());
            quietSteps = step < settledMillis ? quietSteps + 1 : 0;
            if (quietSteps == SETTLED_STEPS) {
                return;
            }
        }
        System.err.printf("warm-up: the JIT had not settled after %d s; measuring anyway%n",
                settings.warmUpLimit().toSeconds());
    }

    private static long journalForces(HttpClient client, URI relay) throws Exception {
        String health = client.newRequest(relay.resolve("/health")).timeout(30, TimeUnit.SECONDS).send().getContentAsString();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(health).get("journal_forces").asLong();
    }

    /** About 10 KB of 第6表 lines: one person, 訪問介護 visits through the month. */
    static byte[] tenKilobyteFile() {
        return tenKilobyteFile(SENDER, RECIPIENT);
    }

    /** About 10 KB of 第6表 lines that {@code sender} plans with {@code recipient}, valid in every rule. */
    static byte[] tenKilobyteFile(String sender, String recipient) {
        return scheduleFile(sender, recipient, FILE_BYTES_TARGET);
    }

    /** At least {@code bytes} of 第6表 lines that {@code sender} plans with {@code recipient}, valid in every rule. */
    static byte[] scheduleFile(String sender, String recipient, int bytes) {
        YearMonth month = YearMonth.of(2026, 10);
        List<List<String>> lines = new ArrayList<>();
        int line = 0;
        int estimated = 0;
        while (estimated < bytes) {
            int day = 1 + line % month.lengthOfMonth();
            lines.add(new ScheduleRecord(CsvVersion.V4_1, "310011", String.format("%010d", 1_000_000_000L + line / 31),
                    LocalDate.of(2026, 9, 28), month, sender, "山田 花子", 250, null, month.atDay(day), "", "0900", "1000", 1,
                    "111211", "", "", "", "", recipient, "ひまわり訪問介護", "", "0", "", "").toFields());
            line++;
            // encoding the whole file on every line was quadratic; one line's bytes, times the lines, is close enough
            estimated = StandardFileWriter.toBytes(lines.subList(lines.size() - 1, lines.size())).length * line;
        }
        return StandardFileWriter.toBytes(lines);
    }

    /**
     * Sends uniquely named copies of one file, each signed over its own name; names differ in their timestamp, one
     * second apart. Names signed ahead ({@link #presign}) go first; past them a name is signed when it is sent.
     */
    private record Uploads(HttpClient client, URI relay, OfficeCredentials sender, byte[] content, AtomicLong names,
            java.util.Queue<String[]> presigned, AtomicLong signedOnTheFly, List<String[]> warmUpPool,
            AtomicLong warmUpNext) {
        private static final LocalDateTime FIRST = LocalDateTime.of(2026, 11, 1, 0, 0, 0);

        private String nextName() {
            return new StandardFileName(FileKind.UPPLAN, Optional.of(YearMonth.of(2026, 10)), SENDER, "43", RECIPIENT,
                    "11", FIRST.plusSeconds(names.getAndIncrement()), true).format();
        }

        /** Signs the next {@code count} names on every core; returns how many. */
        int presign(int count) {
            presigned.addAll(signNext(count));
            return count;
        }

        void presignWarmUpPool(int count) {
            warmUpPool.addAll(signNext(count));
        }

        /** The next {@code count} names with their signatures, signed on every core. */
        private List<String[]> signNext(int count) {
            List<String> upcoming = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                upcoming.add(nextName());
            }
            return upcoming.parallelStream().map(name -> new String[] {name, sender.sign(name, content)}).toList();
        }

        void endWarmUp() {
            warmUpPool.clear();
        }

        private Request request() {
            String[] signedName = warmUpPool.isEmpty() ? presigned.poll()
                    : warmUpPool.get((int) (warmUpNext.getAndIncrement() % warmUpPool.size()));
            if (signedName == null) {
                String name = nextName();
                signedName = new String[] {name, sender.sign(name, content)};
                signedOnTheFly.incrementAndGet();
            }
            String name = signedName[0];
            String signature = signedName[1];
            return client.newRequest(relay.resolve("/api/v1/files/" + name)).method(HttpMethod.POST)
                    .headers(headers -> headers.put(FileSignature.HEADER, signature))
                    .body(new BytesRequestContent(content))
                    .timeout(60, TimeUnit.SECONDS);
        }

        private static void check(int status, Request request) throws IOException {
            if (status != 202) {
                throw new IOException("relay answered " + status + " for " + request.getURI());
            }
        }

        /**
         * Keeps {@code clients} uploads in flight: each answer sends the next, from Jetty's callback, so no thread waits
         * per upload (blocking senders cost the client a thread hand-over per file, a tenth of this machine's CPU).
         */
        double closedLoop(int clients, Duration duration, LatencyRecorder latencies, PerSecondCounts seconds)
                throws Exception {
            long end = System.nanoTime() + duration.toNanos();
            AtomicInteger acknowledged = new AtomicInteger();
            List<CompletableFuture<Void>> chains = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < clients; i++) {
                CompletableFuture<Void> chain = new CompletableFuture<>();
                sendUntil(end, latencies, seconds, acknowledged, chain);
                chains.add(chain);
            }
            CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).get();
            return acknowledged.get() / ((System.nanoTime() - started) / 1e9);
        }

        /** {@code seconds} may be null (warm-up). */
        private void sendUntil(long end, LatencyRecorder latencies, PerSecondCounts seconds, AtomicInteger acknowledged,
                CompletableFuture<Void> chain) {
            if (System.nanoTime() >= end) {
                chain.complete(null);
                return;
            }
            long start = System.nanoTime();
            upload().whenComplete((accepted, failure) -> {
                if (failure != null) {
                    chain.completeExceptionally(failure);
                    return;
                }
                long answered = System.nanoTime();
                latencies.record(answered - start);
                if (seconds != null) {
                    seconds.count(answered);
                }
                acknowledged.incrementAndGet();
                sendUntil(end, latencies, seconds, acknowledged, chain);
            });
        }

        /** Sends one copy; completes once it is answered 202, exceptionally on any other answer or a failure. */
        private CompletableFuture<Void> upload() {
            CompletableFuture<Void> accepted = new CompletableFuture<>();
            Request request = request();
            request.send(result -> {
                try {
                    if (result.isFailed()) {
                        throw new IOException("upload of " + request.getURI() + " failed", result.getFailure());
                    }
                    check(result.getResponse().getStatus(), request);
                    accepted.complete(null);
                } catch (IOException failed) {
                    accepted.completeExceptionally(failed);
                }
            });
            return accepted;
        }

        /** Sends at the offered rate without waiting for answers; each latency counts from the scheduled send time. */
        double openLoop(int ratePerSecond, Duration duration, LatencyRecorder latencies) throws Exception {
            long intervalNanos = 1_000_000_000L / ratePerSecond;
            long total = duration.toSeconds() * ratePerSecond;
            long started = System.nanoTime();
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (long i = 0; i < total; i++) {
                long scheduled = started + i * intervalNanos;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                sends.add(upload().thenRun(() -> latencies.record(System.nanoTime() - scheduled)));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
            return total / ((System.nanoTime() - started) / 1e9);
        }
    }
}
