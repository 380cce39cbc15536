package jp.renkei.relay.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.renkei.relay.agent.InboxReceiver;
import jp.renkei.relay.server.AgentToken;
import jp.renkei.relay.tls.RelayTlsMaterial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code renkei-relay receive}: the agent's download of an office's inbox into a folder, each file then acknowledged. */
@Command(name = "receive", mixinStandardHelpOptions = true,
        description = "Downloads the office's inbox into a folder and acknowledges each file once stored.")
final class ReceiveCommand implements Callable<Integer> {
    @Option(names = "--home", description = "RENKEI_HOME (default: $RENKEI_HOME or ./.renkei).")
    Path home = RelayCommand.defaultHome();

    @Option(names = "--relay", required = true, description = "Relay address, e.g. https://127.0.0.1:8443")
    URI relay;

    @Option(names = "--office", required = true, description = "The receiving office's 10-digit number.")
    String office;

    @Option(names = "--inbox-folder", required = true, description = "Where received files are stored.")
    Path inboxFolder;

    @Option(names = "--relay-certificate", description = "The relay's certificate (default: <home>/relay/tls/relay-cert.pem).")
    Path relayCertificate;

    @Override
    public Integer call() throws Exception {
        Path certificate = relayCertificate != null ? relayCertificate
                : home.resolve("relay").resolve("tls").resolve("relay-cert.pem");
        InboxReceiver receiver = new InboxReceiver(relay, RelayTlsMaterial.clientContext(certificate),
                AgentToken.read(home.resolve("secrets")), office);
        InboxReceiver.Result result = receiver.receiveAll(inboxFolder);
        System.out.printf("agent: %,d downloaded, %,d already present, %,d acknowledged into %s%n",
                result.downloaded(), result.alreadyPresent(), result.acknowledged(), inboxFolder);
        return 0;
    }
}
