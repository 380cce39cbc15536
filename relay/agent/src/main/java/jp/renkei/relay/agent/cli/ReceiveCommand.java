package jp.renkei.relay.agent.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import jp.renkei.ingest.standard.OfficeNumber;
import jp.renkei.relay.agent.AgentCredentials;
import jp.renkei.relay.agent.InboxReceiver;
import jp.renkei.relay.agent.InboxWatcher;
import jp.renkei.relay.launch.HomeOption;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.PkiLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code renkei-agent receive}: the agent's download of an office's inbox into a folder over mutual TLS; each file's
 * sender signature is checked, then the file is stored and acknowledged, or quarantined when it does not verify.
 */
@Command(name = "receive", mixinStandardHelpOptions = true,
        description = {"Downloads the office's inbox into a folder, checks each sender's signature and acknowledges "
                + "each file once stored.",
                "With --watch it keeps running and looks at the inbox every --poll-seconds; while the relay is down or "
                        + "restarting it says so once and keeps polling. Ctrl-C or SIGTERM stops it after the file in "
                        + "flight."})
final class ReceiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOption home;

    @Mixin
    RelayConnection relay;

    @Option(names = "--office", description = "The receiving office's 10-digit number (needed unless --credentials).")
    String office;

    @Option(names = "--credentials", description = "The office's agent folder (office-key.pem, office-cert.pem, "
            + "office-ca-cert.pem; default: <home>/agents/<office>/).")
    Path credentials;

    @Option(names = "--inbox-folder", required = true, description = "Where received files are stored.")
    Path inboxFolder;

    @Option(names = "--quarantine-folder", description = "Where files whose signature does not verify go, each with a "
            + ".reason.txt (default: quarantine/ beside the inbox folder).")
    Path quarantineFolder;

    @Option(names = "--revoked", description = "A list of revoked office certificate serials (one hex serial a line, "
            + "as the relay's revoked-serials.txt); signatures of those certificates are refused.")
    Path revoked;

    @Mixin
    WatchOptions watching;

    @Override
    public Integer call() throws Exception {
        if (office == null && credentials == null) {
            throw new ParameterException(spec.commandLine(), "give --office <10 digits> (credentials from "
                    + "<home>/agents/<office>/) or --credentials <agent folder>");
        }
        Duration pollInterval = watching.watch() ? watching.pollInterval(spec.commandLine()) : null;
        if (office != null && !OfficeNumber.isValid(office)) {
            throw new ParameterException(spec.commandLine(), "--office '" + office + "' is not an office number: "
                    + "10 digits whose first two are a prefecture code 01–47");
        }
        Path agentFolder = credentials != null ? credentials : PkiLayout.agentFolder(home.path(), office);
        OfficeCredentials identity = credentials != null ? OfficeCredentials.load(credentials)
                : AgentCredentials.inHome(home.path()).of(office);
        if (office != null && !office.equals(identity.officeNumber())) {
            throw new ParameterException(spec.commandLine(), "--office " + office + " but the credentials in "
                    + agentFolder + " are office " + identity.officeNumber() + "'s");
        }
        InboxReceiver receiver = new InboxReceiver(relay.address(), identity, relay.certificate(home.path()),
                InboxReceiver.signerVerifier(agentFolder, revoked));
        Path quarantine = quarantineFolder != null ? quarantineFolder : InboxReceiver.defaultQuarantine(inboxFolder);
        if (watching.watch()) {
            System.out.printf("agent: office %s: receiving into %s every %d s; Ctrl-C stops%n", identity.officeNumber(),
                    inboxFolder, pollInterval.toSeconds());
            new InboxWatcher(receiver, inboxFolder, quarantine, pollInterval, System.out::println,
                    System.err::println).runUntilShutdown();
            return 0;
        }
        InboxReceiver.Result result = receiver.receiveAll(inboxFolder, quarantine);
        System.out.printf("agent: office %s: %,d downloaded, %,d already present, %,d acknowledged into %s%n",
                identity.officeNumber(), result.downloaded(), result.alreadyPresent(), result.acknowledged(), inboxFolder);
        if (result.quarantined() > 0) {
            System.out.printf("agent: %,d file(s) quarantined in %s (signature not proven; not acknowledged, see the "
                    + ".reason.txt files)%n", result.quarantined(), quarantine);
            return 1;
        }
        return 0;
    }
}
