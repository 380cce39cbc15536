package jp.renkei.relay.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import jp.renkei.relay.bench.CrashHarness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code renkei-relay-tools crash-test}: kill -9 the relay under concurrent senders, N times, then verify nothing was lost. */
@Command(name = "crash-test", mixinStandardHelpOptions = true,
        description = "Kills a relay (child JVM) with SIGKILL under concurrent senders and verifies every acknowledged file.")
final class CrashTestCommand implements Callable<Integer> {
    @Option(names = "--scratch", description = "Folder for the relay homes (default: ${DEFAULT-VALUE}).")
    Path scratch = Path.of("target", "relay-crash-test");

    @Option(names = "--cycles", description = "Kill and restart cycles (default ${DEFAULT-VALUE}).")
    int cycles = 20;

    @Option(names = "--senders", description = "Concurrent sending offices (default ${DEFAULT-VALUE}).")
    int senders = 8;

    @Option(names = "--seed", description = "Random seed for kill moments and re-sends (default ${DEFAULT-VALUE}).")
    long seed = 20_261_105L;

    @Option(names = "--min-uptime-millis", description = "Shortest uptime before a kill (default ${DEFAULT-VALUE}).")
    long minimumUptime = 200;

    @Option(names = "--max-uptime-millis", description = "Longest uptime before a kill (default ${DEFAULT-VALUE}).")
    long maximumUptime = 2_000;

    @Override
    public Integer call() throws Exception {
        CrashHarness.Result result = CrashHarness.run(new CrashHarness.Settings(scratch, cycles, senders, seed,
                Duration.ofMillis(minimumUptime), Duration.ofMillis(maximumUptime)));
        System.out.print(result.report());
        return result.passed() ? 0 : 1;
    }
}
