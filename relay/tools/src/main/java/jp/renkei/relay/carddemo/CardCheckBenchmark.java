package jp.renkei.relay.carddemo;

import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import jp.renkei.ingest.application.Application;
import jp.renkei.ingest.application.ApplicationRoster;
import jp.renkei.ingest.io.JapanTime;
import jp.renkei.ingest.pseudonym.PseudonymKeyStore;
import jp.renkei.relay.card.CardCheckClient;
import jp.renkei.relay.card.CardMethod;
import jp.renkei.relay.card.CardReader;
import jp.renkei.relay.card.EligibilityAnswer;
import jp.renkei.relay.cardcheck.CsvEligibilityRegistry;
import jp.renkei.relay.cardemulator.CardEmulator;
import jp.renkei.relay.cardemulator.pki.CardIssuer;
import jp.renkei.relay.cardemulator.pki.IssuedCard;
import jp.renkei.relay.pki.AgentEnrolment;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.PkiLayout;
import jp.renkei.relay.server.RelayConfig;
import jp.renkei.relay.server.RelayServer;

/**
 * Whole eligibility checks, timed as an office user waits for them: challenge from the relay, the card read through
 * pcscd (SELECT, VERIFY, READ BINARY, signature), the relay's certificate and signature checks and the registry
 * lookup. A scratch relay runs in this JVM; the card stays in the reader; the office connects with its client
 * certificate, issued in the scratch home before the relay starts. Usage: {@code [checks] [scratch folder]}.
 */
public final class CardCheckBenchmark {
    private static final String OFFICE = "3110000011";
    private static final String INSURER = "310011";
    private static final String PIN = "1234";
    private static final String READER = "Virtual PCD 00 00";

    private CardCheckBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        int checks = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 300;
        Path scratch = Files.createDirectories(Path.of(arguments.length > 1 ? arguments[1] : "target/card-check-benchmark"));
        Path home = Files.createTempDirectory(scratch, "home-");
        writeRoster(home.resolve("relay").resolve("registry").resolve("applications.csv"));
        PseudonymKeyStore.createIfMissing(home);
        RelayConfig config = RelayConfig.load(home, new Properties(), System.getenv()).withPort(0);
        CardIssuer issuer = CardIssuer.create("renkei benchmark JPKI issuer (test only)");
        issuer.writeCertificatePem(config.cardCheck().issuersFolder().resolve("benchmark-issuer.pem"));
        IssuedCard card = issuer.issue("ベンチ 花子", Duration.ofDays(365));
        writeRegistry(config.cardCheck().eligibilityFolder().resolve(INSURER + ".csv"), card);
        OfficeCredentials office = AgentEnrolment.issueMissing(home, config.home(), List.of(OFFICE),
                AgentEnrolment.DEFAULT_VALIDITY, Clock.systemUTC(), status -> { }).credentials().get(OFFICE);

        try (RelayServer relay = RelayServer.start(config, PseudonymKeyStore.load(home, System.getenv()), Clock.systemUTC());
             CardEmulator emulator = new CardEmulator(card, PIN).insert()) {
            CardReader.pcsc().terminals().getTerminal(READER).waitForCardPresent(5_000);
            CardCheckClient client = new CardCheckClient(URI.create("https://127.0.0.1:" + relay.port()), office,
                    PkiLayout.relayCertificate(config.home()));
            CardReader reader = new CardReader(READER, Duration.ofSeconds(5));
            LocalDate today = LocalDate.now(JapanTime.ZONE);
            for (CardMethod method : List.of(CardMethod.PIN, CardMethod.FACE)) {
                time(client, reader, method, today, Math.min(30, checks));
                long[] nanos = time(client, reader, method, today, checks);
                System.out.printf("whole %s check (card + relay + registry), %,d checks: p50 %.1f ms, p95 %.1f ms, "
                        + "p99 %.1f ms, %.0f checks/s%n", method.wireName(), checks, percentile(nanos, 50),
                        percentile(nanos, 95), percentile(nanos, 99), checks / (Arrays.stream(nanos).sum() / 1e9));
            }
        }
    }

    private static long[] time(CardCheckClient client, CardReader reader, CardMethod method, LocalDate today, int checks)
            throws Exception {
        long[] nanos = new long[checks];
        for (int i = 0; i < checks; i++) {
            long started = System.nanoTime();
            EligibilityAnswer answer = client.check(method,
                    challenge -> reader.read(method, challenge, method == CardMethod.PIN ? PIN.toCharArray() : null), today);
            nanos[i] = System.nanoTime() - started;
            if (!answer.eligible()) {
                throw new IllegalStateException("the benchmark person should be eligible, got " + answer.code());
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static double percentile(long[] sortedNanos, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank))] / 1e6;
    }

    private static void writeRoster(Path roster) throws Exception {
        Files.createDirectories(roster.getParent());
        LocalDate day = LocalDate.of(2025, 4, 1);
        try (Writer writer = Files.newBufferedWriter(roster, StandardCharsets.UTF_8)) {
            ApplicationRoster.write(writer, List.of(new Application(OFFICE, "43", day, day, null, Application.Plan.PAID)));
        }
    }

    private static void writeRegistry(Path file, IssuedCard card) throws Exception {
        Files.createDirectories(file.getParent());
        LocalDate today = LocalDate.now(JapanTime.ZONE);
        Files.writeString(file, String.join(",", CsvEligibilityRegistry.HEADER) + "\n" + String.join(",", card.serialHex(),
                INSURER, "0000012345", "要介護2", today.minusMonths(6).toString(), today.plusMonths(6).toString(), "1",
                OFFICE) + "\n", StandardCharsets.UTF_8);
    }
}
