package jp.renkei.relay.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code renkei-relay serve | send}. */
@Command(name = "renkei-relay", mixinStandardHelpOptions = true, version = "renkei 0.1.0",
        description = "The renkei relay and its office agent.",
        subcommands = {ServeCommand.class, SendCommand.class, BenchmarkCommand.class})
public final class RelayCommand implements Callable<Integer> {

    public static void main(String[] arguments) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s [%3$s] %5$s%6$s%n");
        }
        System.exit(new CommandLine(new RelayCommand()).execute(arguments));
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return 2;
    }

    static Path defaultHome() {
        String home = System.getenv("RENKEI_HOME");
        return Path.of(home == null || home.isBlank() ? ".renkei" : home);
    }
}
