package jp.renkei.relay.bench;

import static jp.renkei.relay.bench.AbuseHarness.ATTACKER;
import static jp.renkei.relay.bench.AbuseHarness.RECIPIENT;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import jp.renkei.relay.pki.FileSignature;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.PkiLayout;
import jp.renkei.relay.server.RelayConfig;

/**
 * The attacking office of the abuse harness, in a process of its own: the attacker's client work (signing and
 * encrypting 16 MiB bodies, holding 80 sockets) and its garbage must not land in the honest office's measured
 * latencies, as they would in one JVM — on a real network they are on another machine. It still shares this machine's
 * cores with the relay and the honest office.
 *
 * <p>{@code AbuseAttacker <attack> <renkei home> <relay port> <seconds> <first file name number>}: prepares its clients,
 * prints {@code ready}, waits for a line on its input, attacks for the given seconds, then prints what it got back, one
 * {@code <answer>\t<count>} line each.
 */
final class AbuseAttacker {
    static final int PARALLEL_JUNK = 6;
    static final int TRICKLING = 80;

    /** The attacks, by the name the harness passes. */
    enum Attack { JUNK, TRICKLE, CHALLENGE_FLOOD, QUOTA }

    private AbuseAttacker() {
    }

    public static void main(String[] arguments) throws Exception {
        Attack attack = Attack.valueOf(arguments[0]);
        Path home = Path.of(arguments[1]);
        URI base = URI.create("https://127.0.0.1:" + Integer.parseInt(arguments[2]));
        Duration phase = Duration.ofSeconds(Long.parseLong(arguments[3]));
        long firstName = Long.parseLong(arguments[4]);
        RelayConfig config = RelayConfig.load(home, new Properties(), Map.of());
        AbuseClients clients = new AbuseClients(base,
                Map.of(ATTACKER, OfficeCredentials.load(PkiLayout.agentFolder(home, ATTACKER))),
                PkiLayout.relayCertificate(config.home()), firstName);
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        System.out.println("ready");
        System.out.flush();
        if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine() == null) {
            System.exit(1); // the harness has gone: no attack without it
        }
        switch (attack) {
            case JUNK -> junk(clients, answers, phase);
            case TRICKLE -> trickle(clients, answers, phase);
            case CHALLENGE_FLOOD -> challengeFlood(clients, answers, phase);
            case QUOTA -> quota(clients, answers, phase);
            default -> throw new IllegalArgumentException("no attack " + attack);
        }
        new TreeMap<>(answers).forEach((answer, count) -> System.out.println(answer + "\t" + count));
        System.out.flush();
        System.exit(0);
    }

    private static void count(Map<String, Integer> answers, String answer) {
        answers.merge(answer, 1, Integer::sum);
    }

    private static void junk(AbuseClients clients, Map<String, Integer> answers, Duration phase) throws Exception {
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

    private static void trickle(AbuseClients clients, Map<String, Integer> answers, Duration phase) throws Exception {
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

    private static void challengeFlood(AbuseClients clients, Map<String, Integer> answers, Duration phase) throws Exception {
        runFor(2, phase, index -> count(answers, clients.post(ATTACKER, "/api/v1/card-checks/challenges")));
    }

    private static void quota(AbuseClients clients, Map<String, Integer> answers, Duration phase) throws Exception {
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
}
