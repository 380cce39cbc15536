package jp.renkei.relay.tools;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.renkei.ingest.cli.ConsoleProgress;
import jp.renkei.ingest.io.JapanTime;
import jp.renkei.relay.agent.AgentCredentials;
import jp.renkei.relay.carddemo.CardCheckDemo;
import jp.renkei.relay.cli.RelayHomeOptions;
import jp.renkei.relay.pki.AgentEnrolment;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.PkiLayout;
import jp.renkei.relay.server.RelayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code renkei-relay-tools card-demo --prepare} (before the relay starts) and {@code renkei-relay-tools card-demo --relay URL}
 * (while it runs): the demo's eligibility checks through pcscd, with whole-check latency figures. Each check goes with
 * the client certificate of the office that makes it.
 */
@Command(name = "card-demo", mixinStandardHelpOptions = true,
        description = "Runs the demo's card checks through the emulated card, pcscd and the relay.")
final class CardDemoCommand implements Callable<Integer> {
    @Mixin
    RelayHomeOptions relayHome;

    @Option(names = "--prepare", description = "Create the demo issuer and make the relay trust it, and issue the "
            + "checking offices' credentials into <home>/agents/ (run before the relay starts).")
    boolean prepare;

    @Option(names = "--relay", description = "Relay address, e.g. https://127.0.0.1:8443 (required unless --prepare).")
    URI relay;

    @Option(names = "--credentials", description = "One office's agent folder used for every check (default: each "
            + "checking office's <home>/agents/<office>/).")
    Path credentials;

    @Option(names = "--checks", description = "How many checks (default ${DEFAULT-VALUE}).")
    int checks = 200;

    @Option(names = "--reader", description = "PC/SC reader (default ${DEFAULT-VALUE}: the vpcd virtual reader).")
    String reader = "Virtual PCD 00 00";

    @Option(names = "--rollout", description = "The 介護情報基盤 start month of each municipality (CSV 市町村コード,開始年月): "
            + "only offices of municipalities started by this month check cards (default: "
            + "<home>/demo-input/card_rollout/card_rollout.csv if present, else every office).")
    Path rollout;

    @Option(names = "--seed", description = "Random seed for who is checked and how (default ${DEFAULT-VALUE}).")
    long seed = 20_260_401L;

    @Override
    public Integer call() throws Exception {
        Path home = relayHome.home();
        Path demoFolder = home.resolve("demo-input");
        RelayConfig config = relayHome.relayConfig();
        YearMonth month = YearMonth.now(JapanTime.ZONE);
        Path rolloutFile = rollout != null ? rollout : demoFolder.resolve("card_rollout").resolve("card_rollout.csv");
        Optional<Path> startMonths = rollout != null || Files.exists(rolloutFile) ? Optional.of(rolloutFile) : Optional.empty();
        List<String> offices = CardCheckDemo.checkingOffices(config.registryRoster(), startMonths, month);
        if (offices.isEmpty()) {
            System.out.printf("card demo: no licensed 居宅介護支援 office of a municipality that has joined the 介護情報基盤 "
                    + "by %s%s; no card checks to run%n", month, startMonths.map(file -> " (" + file + ")").orElse(""));
            return 0;
        }
        if (prepare) {
            System.out.println("card demo: relay trusts " + CardCheckDemo.prepare(demoFolder, config.cardCheck()));
            ConsoleProgress progress = new ConsoleProgress("checking offices' credentials");
            AgentEnrolment.Result enrolled = AgentEnrolment.issueMissing(home, config.home(), offices,
                    AgentEnrolment.DEFAULT_VALIDITY, Clock.systemUTC(), progress::update);
            progress.done();
            System.out.printf("card demo: %,d checking offices, %,d credentials issued into %s; relay trust anchor %s%n",
                    offices.size(), enrolled.issued().size(), home.resolve("agents"), enrolled.trustAnchor());
            return 0;
        }
        if (relay == null) {
            System.err.println("card-demo: give --relay https://127.0.0.1:<port>, or --prepare before the relay starts");
            return 2;
        }
        AgentCredentials identities = credentials != null ? AgentCredentials.only(OfficeCredentials.load(credentials))
                : AgentCredentials.inHome(home);
        ConsoleProgress progress = new ConsoleProgress("card checks");
        System.out.printf("card demo: %,d checking offices in municipalities that have joined the 介護情報基盤 by %s%n",
                offices.size(), month);
        CardCheckDemo.Result result = CardCheckDemo.run(demoFolder, config.cardCheck(), offices, relay,
                PkiLayout.relayCertificate(config.home()), identities, reader, checks, seed, progress::update);
        progress.done();
        System.out.print(result.report());
        return 0;
    }
}
