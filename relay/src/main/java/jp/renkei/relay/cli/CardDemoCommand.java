package jp.renkei.relay.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import jp.renkei.ingest.cli.ConsoleProgress;
import jp.renkei.relay.agent.AgentCredentials;
import jp.renkei.relay.agent.AgentEnrolment;
import jp.renkei.relay.carddemo.CardCheckDemo;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.PkiLayout;
import jp.renkei.relay.server.RelayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code renkei-relay card-demo --prepare} (before the relay starts) and {@code renkei-relay card-demo --relay URL}
 * (while it runs): the demo's eligibility checks through pcscd, with whole-check latency figures. Each check goes with
 * the client certificate of the office that makes it.
 */
@Command(name = "card-demo", mixinStandardHelpOptions = true,
        description = "Runs the demo's card checks through the emulated card, pcscd and the relay.")
final class CardDemoCommand implements Callable<Integer> {
    @Option(names = "--home", description = "RENKEI_HOME (default: $RENKEI_HOME or ./.renkei).")
    Path home = RelayCommand.defaultHome();

    @Option(names = "--config", description = "The relay's properties file (default: <home>/relay.properties if present).")
    Path configFile;

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

    @Option(names = "--seed", description = "Random seed for who is checked and how (default ${DEFAULT-VALUE}).")
    long seed = 20_260_401L;

    @Override
    public Integer call() throws Exception {
        Path demoFolder = home.resolve("demo-input");
        RelayConfig config = RelayCommand.loadConfig(home, configFile);
        if (prepare) {
            System.out.println("card demo: relay trusts " + CardCheckDemo.prepare(demoFolder, config.cardCheck()));
            List<String> offices = CardCheckDemo.checkingOffices(config.registryRoster());
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
        AgentCredentials offices = credentials != null ? AgentCredentials.only(OfficeCredentials.load(credentials))
                : AgentCredentials.inHome(home);
        ConsoleProgress progress = new ConsoleProgress("card checks");
        CardCheckDemo.Result result = CardCheckDemo.run(demoFolder, config.cardCheck(), config.registryRoster(), relay,
                PkiLayout.relayCertificate(config.home()), offices, reader, checks, seed, progress::update);
        progress.done();
        System.out.print(result.report());
        return 0;
    }
}
