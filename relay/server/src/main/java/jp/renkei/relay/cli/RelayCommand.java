package jp.renkei.relay.cli;

import java.util.concurrent.Callable;
import jp.renkei.relay.launch.RelayLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The root command of the central relay server, what its operator runs: {@code renkei-relay serve | ca | journal |
 * held}. The office agent is {@code renkei-agent} and the benchmarks, harnesses and the card demo are
 * {@code renkei-relay-tools}, each its own artifact (docs/relay.md).
 */
@Command(name = "renkei-relay", mixinStandardHelpOptions = true, version = "renkei 0.1.0",
        description = "The renkei relay server and its operator's commands.",
        subcommands = {ServeCommand.class, CaCommand.class, JournalCommand.class, HeldCommand.class})
public final class RelayCommand implements Callable<Integer> {

    public static void main(String[] arguments) {
        System.exit(RelayLauncher.run("renkei-relay", new RelayCommand(), arguments));
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return 2;
    }
}
