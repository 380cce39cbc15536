package jp.renkei.relay.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.renkei.ingest.cli.ConsoleProgress;
import jp.renkei.relay.agent.AgentCredentials;
import jp.renkei.relay.agent.OutboxSender;
import jp.renkei.relay.agent.UploadOutcome;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.PkiLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code renkei-relay send}: the agent's upload of an outbox folder ({@code <outbox>/<office>/<files>}). Each file goes
 * with the client certificate of the sender office its name carries and is signed with that office's key.
 */
@Command(name = "send", mixinStandardHelpOptions = true, description = "Uploads an outbox folder to the relay.")
final class SendCommand implements Callable<Integer> {
    @Option(names = "--home", description = "RENKEI_HOME (default: $RENKEI_HOME or ./.renkei).")
    Path home = RelayCommand.defaultHome();

    @Option(names = "--outbox", required = true, description = "Folder with one sub-folder per sending office.")
    Path outbox;

    @Option(names = "--relay", required = true, description = "Relay address, e.g. https://127.0.0.1:8443")
    URI relay;

    @Option(names = "--relay-certificate", description = "The relay's certificate (default: <home>/relay/tls/relay-cert.pem).")
    Path relayCertificate;

    @Option(names = "--credentials", description = "One office's agent folder (office-key.pem, office-cert.pem, "
            + "office-ca-cert.pem) for every file; files of other sender offices then go to rejected/ (default: each "
            + "sender office's <home>/agents/<office>/).")
    Path credentials;

    @Option(names = "--parallel", description = "Offices uploading at once (default ${DEFAULT-VALUE}).")
    int parallel = 8;

    @Override
    public Integer call() throws Exception {
        Path certificate = relayCertificate != null ? relayCertificate
                : PkiLayout.defaultRelayHome(home).resolve("tls").resolve("relay-cert.pem");
        Path parent = outbox.toAbsolutePath().getParent();
        AgentCredentials offices = credentials != null ? AgentCredentials.only(OfficeCredentials.load(credentials))
                : AgentCredentials.inHome(home);
        OutboxSender sender = new OutboxSender(relay, certificate, offices, parent.resolve("sent"), parent.resolve("rejected"));
        ConsoleProgress progress = new ConsoleProgress("upload");
        Map<UploadOutcome, Integer> outcomes = sender.uploadAll(outbox, parallel, progress::update);
        progress.done();
        System.out.printf("agent: %,d acknowledged, %,d rejected (see %s), %,d not sent%n",
                outcomes.get(UploadOutcome.ACKNOWLEDGED), outcomes.get(UploadOutcome.REJECTED), parent.resolve("rejected"),
                outcomes.get(UploadOutcome.NOT_SENT));
        return outcomes.get(UploadOutcome.REJECTED) + outcomes.get(UploadOutcome.NOT_SENT) == 0 ? 0 : 1;
    }
}
