package jp.renkei.relay.agent.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.renkei.ingest.cli.ConsoleProgress;
import jp.renkei.relay.agent.AgentCredentials;
import jp.renkei.relay.agent.OutboxSender;
import jp.renkei.relay.agent.OutboxWatcher;
import jp.renkei.relay.agent.UploadOutcome;
import jp.renkei.relay.launch.HomeOption;
import jp.renkei.relay.pki.OfficeCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code renkei-agent send}: the agent's upload of an outbox folder ({@code <outbox>/<office>/<files>}). Each file goes
 * with the client certificate of the sender office its name carries and is signed with that office's key.
 */
@Command(name = "send", mixinStandardHelpOptions = true, description = {"Uploads an outbox folder to the relay.",
        "With --watch it keeps running: it uploads a file once it has been unchanged (size and modification time) for "
                + "1 s, looking at the outbox every --poll-seconds and as soon as a file event says something arrived. "
                + "While the relay is down it keeps the files and retries; Ctrl-C or SIGTERM stops it after the file in "
                + "flight."})
final class SendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOption home;

    @Mixin
    RelayConnection relay;

    @Option(names = "--outbox", required = true, description = "Folder with one sub-folder per sending office.")
    Path outbox;

    @Option(names = "--credentials", description = "One office's agent folder (office-key.pem, office-cert.pem, "
            + "office-ca-cert.pem) for every file; files of other sender offices then go to rejected/ (default: each "
            + "sender office's <home>/agents/<office>/).")
    Path credentials;

    @Option(names = "--parallel", description = "Offices uploading at once (default ${DEFAULT-VALUE}).")
    int parallel = 8;

    @Mixin
    WatchOptions watching;

    @Override
    public Integer call() throws Exception {
        Path certificate = relay.certificate(home.path());
        Path parent = outbox.toAbsolutePath().getParent();
        AgentCredentials offices = credentials != null ? AgentCredentials.only(OfficeCredentials.load(credentials))
                : AgentCredentials.inHome(home.path());
        OutboxSender sender = new OutboxSender(relay.address(), certificate, offices, parent.resolve("sent"), parent.resolve("rejected"));
        if (watching.watch()) {
            Duration pollInterval = watching.pollInterval(spec.commandLine());
            System.out.printf("agent: watching %s (every %d s); Ctrl-C stops%n", outbox, pollInterval.toSeconds());
            new OutboxWatcher(sender, outbox, parallel, pollInterval, System.out::println,
                    System.err::println).runUntilShutdown();
            return 0;
        }
        ConsoleProgress progress = new ConsoleProgress("upload");
        Map<UploadOutcome, Integer> outcomes = sender.uploadAll(outbox, parallel, progress::update);
        progress.done();
        System.out.printf("agent: %,d acknowledged (%,d of them duplicates), %,d rejected (see %s), %,d not sent%n",
                outcomes.get(UploadOutcome.ACKNOWLEDGED) + outcomes.get(UploadOutcome.DUPLICATE),
                outcomes.get(UploadOutcome.DUPLICATE), outcomes.get(UploadOutcome.REJECTED), parent.resolve("rejected"),
                outcomes.get(UploadOutcome.NOT_SENT));
        return outcomes.get(UploadOutcome.REJECTED) + outcomes.get(UploadOutcome.NOT_SENT) == 0 ? 0 : 1;
    }
}
