package jp.renkei.relay.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import jp.renkei.ingest.pseudonym.PseudonymKeyStore;
import jp.renkei.relay.pki.AgentEnrolment;
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
    /** A JVM with the attacker's TLS clients is up in seconds; past this the harness stops instead of hanging. */
    private static final Duration ATTACKER_START_LIMIT = Duration.ofSeconds(60);
    static final String HONEST = "3110000011";
    static final String ATTACKER = "3110000052";
    static final String RECIPIENT = "3110000029";
    /**
     * Small, so that the quota attack reaches it within its phase with 1 MB files, and far above what the honest office
     * sends in the whole run (10 KB files at its steady rate).
     */
    static final String RELAY_HEAP = "-Xmx256m";
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
        // A small heap, as the attacks are about memory; otherwise the JVM a deployment runs (G1, full JIT).
        RelayProcess relay = RelayProcess.start(home, home.resolve("relay-process.log"),
                List.of(RELAY_HEAP, "-XX:+UseG1GC"));
        try {
            URI base = URI.create("https://127.0.0.1:" + relay.port());
            Path relayCertificate = PkiLayout.relayCertificate(config.home());
            AbuseClients clients = new AbuseClients(base, Map.of(HONEST, credentials.get(HONEST), RECIPIENT,
                    credentials.get(RECIPIENT)), relayCertificate, 0);
            Honest honest = new Honest(clients);
            List<Phase> phases = new ArrayList<>();
            Thread sender = new Thread(() -> honest.sendSteadily(settings.honestPerSecond()), "honest-office");
            sender.start();
            try {
                phases.add(phase("no attack", null, home, settings, honest, relay));
                phases.add(phase("junk: " + AbuseAttacker.PARALLEL_JUNK + " parallel 16 MiB bodies of short lines",
                        AbuseAttacker.Attack.JUNK, home, settings, honest, relay));
                phases.add(phase("trickle: " + AbuseAttacker.TRICKLING + " bodies sent a byte at a time",
                        AbuseAttacker.Attack.TRICKLE, home, settings, honest, relay));
                phases.add(phase("challenge flood", AbuseAttacker.Attack.CHALLENGE_FLOOD, home, settings, honest,
                        relay));
                phases.add(phase("quota breach: valid 1 MB files past " + QUOTA_BYTES / (1 << 20) + " MiB a day",
                        AbuseAttacker.Attack.QUOTA, home, settings, honest, relay));
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

    /**
     * One phase: the attack (none when null) in its own process, started and ready before the honest office's
     * figures for the phase start counting.
     */
    private static Phase phase(String name, AbuseAttacker.Attack attack, Path home, Settings settings, Honest honest,
            RelayProcess relay) throws Exception {
        System.err.println("phase: " + name + " (" + settings.phase().toSeconds() + " s)");
        Process attacker = attack == null ? null : startAttacker(attack, home, relay.port(), settings.phase());
        honest.newPhase();
        long started = System.nanoTime();
        Map<String, Integer> answers = new LinkedHashMap<>();
        if (attacker != null) {
            try {
                attacker.getOutputStream().write("go\n".getBytes(StandardCharsets.US_ASCII));
                attacker.getOutputStream().flush();
                answers.putAll(attackerAnswers(attacker, settings.phase()));
            } finally {
                attacker.destroyForcibly();
            }
        }
        long left = settings.phase().toNanos() - (System.nanoTime() - started);
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        Honest.Counts counts = honest.phaseCounts();
        return new Phase(name, counts.acknowledged(), counts.latencies().percentileMillis(50),
                counts.latencies().percentileMillis(99), counts.errors(), answers, relay.isAlive());
    }

    private static Process startAttacker(AbuseAttacker.Attack attack, Path home, int port, Duration phase)
            throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), AbuseAttacker.class.getName(),
                attack.name(), home.toString(), Integer.toString(port), Long.toString(phase.toSeconds()),
                // names far from the honest office's and from every other phase's
                Long.toString((attack.ordinal() + 1) * 10_000_000L));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(home.resolve("attacker.log").toFile())).start();
        java.io.BufferedReader output = new java.io.BufferedReader(new java.io.InputStreamReader(
                process.getInputStream(), StandardCharsets.US_ASCII));
        java.util.concurrent.CompletableFuture<String> firstLine = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return output.readLine();
            } catch (IOException unreadable) {
                throw new java.io.UncheckedIOException(unreadable);
            }
        });
        String ready;
        try {
            ready = firstLine.get(ATTACKER_START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException notReady) {
            ready = "no line within " + ATTACKER_START_LIMIT.toSeconds() + " s: " + notReady;
        }
        if (!"ready".equals(ready)) {
            process.destroyForcibly();
            throw new IOException("the attacker process did not start (" + ready + "); see " + home.resolve("attacker.log"));
        }
        return process;
    }

    /** What the attacker got back, read from its output once it has finished. */
    private static Map<String, Integer> attackerAnswers(Process attacker, Duration phase) throws Exception {
        if (!attacker.waitFor(phase.toSeconds() + 90, TimeUnit.SECONDS)) {
            attacker.destroyForcibly();
            throw new IOException("the attacker process did not finish within its phase and 90 s");
        }
        Map<String, Integer> answers = new LinkedHashMap<>();
        String output = new String(attacker.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        for (String line : output.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                answers.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1).strip()));
            }
        }
        return answers;
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

    /** The honest office: one valid file at a time, at a steady rate, each acknowledgement timed. */
    private static final class Honest {
        record Counts(int acknowledged, int errors, LatencyRecorder latencies) {
        }

        private final AbuseClients clients;
        private final byte[] file = RelayLoadBenchmark.tenKilobyteFile(HONEST, RECIPIENT);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        private volatile LatencyRecorder latencies = new LatencyRecorder();
        private final AtomicLong phaseAcknowledged = new AtomicLong();
        private final AtomicLong phaseErrors = new AtomicLong();

        Honest(AbuseClients clients) {
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
