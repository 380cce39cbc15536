package jp.renkei.relay.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import jp.renkei.relay.bench.AbuseHarness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code renkei-relay-tools abuse}: the relay under each attack of a certified office while an honest one sends. */
@Command(name = "abuse", mixinStandardHelpOptions = true,
        description = {"Starts a relay (child JVM, -Xmx256m) and, while an honest office sends at a steady rate, runs "
                + "one attack at a time from a certified office: parallel 16 MiB junk bodies, trickling bodies, a "
                + "challenge flood, a storage-quota breach. Prints the honest office's acknowledgements, p50/p99 and "
                + "errors per attack, what the attacker got back, and whether every acknowledged file reached its "
                + "inbox. Exit 1 when the target is missed.",
                "Disk: under 50 MB in --scratch, deleted at the end."})
final class AbuseCommand implements Callable<Integer> {
    @Option(names = "--scratch", description = "Folder for the relay home (default: ${DEFAULT-VALUE}).")
    Path scratch = Path.of("target", "relay-abuse");

    @Option(names = "--phase-seconds", description = "How long each attack runs (default ${DEFAULT-VALUE}).")
    int phaseSeconds = 20;

    @Option(names = "--honest-per-second", description = "The honest office's uploads a second (default ${DEFAULT-VALUE}).")
    int honestPerSecond = 10;

    @Override
    public Integer call() throws Exception {
        String report = AbuseHarness.run(new AbuseHarness.Settings(scratch, Duration.ofSeconds(phaseSeconds),
                honestPerSecond));
        System.out.print(report);
        return report.contains("NOT met") ? 1 : 0;
    }
}
