package jp.renkei.relay.tools;

import java.util.concurrent.Callable;
import jp.renkei.relay.launch.RelayLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code renkei-relay-tools}: what the relay's operators and developers run beside it — the load benchmark, the abuse
 * harness, the crash test and the card-check demo. Kept out of the relay and the office agent: no production package
 * depends on this one or on the tools it starts (the architecture test says so).
 */
@Command(name = "renkei-relay-tools", mixinStandardHelpOptions = true, version = "renkei 0.1.0",
        description = "Benchmarks, harnesses and demos of the renkei relay.",
        subcommands = {BenchmarkCommand.class, AbuseCommand.class, CrashTestCommand.class, CardDemoCommand.class})
public final class RelayToolsCommand implements Callable<Integer> {

    public static void main(String[] arguments) {
        System.exit(RelayLauncher.run("renkei-relay-tools", new RelayToolsCommand(), arguments));
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return 2;
    }
}
