package jp.renkei.relay.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import jp.renkei.ingest.cli.CommandErrors;
import jp.renkei.ingest.cli.RenkeiHome;
import jp.renkei.relay.server.RelayConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command of the relay and its office agent: {@code renkei-relay serve | send | receive | ca | journal |
 * held}. The benchmarks, harnesses and the card demo are {@code renkei-relay-tools}
 * ({@link jp.renkei.relay.tools}), which nothing here depends on.
 */
@Command(name = "renkei-relay", mixinStandardHelpOptions = true, version = "renkei 0.1.0",
        description = "The renkei relay and its office agent.",
        subcommands = {ServeCommand.class, SendCommand.class, ReceiveCommand.class, CaCommand.class,
                JournalCommand.class, HeldCommand.class})
public final class RelayCommand implements Callable<Integer> {

    public static void main(String[] arguments) {
        System.exit(run("renkei-relay", new RelayCommand(), arguments));
    }

    /** Runs a command line of the relay's programs with their logging set up; returns the exit code. */
    public static int run(String name, Object command, String... arguments) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s [%3$s] %5$s%6$s%n");
        }
        JsonLogFormatter.installIfAsked(System.getenv());
        return CommandErrors.commandLine(name, command).execute(arguments);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return 2;
    }

    /** The relay's settings: {@code configFile}, else {@code <home>/relay.properties} if present, then the environment. */
    public static RelayConfig loadConfig(Path home, Path configFile) throws IOException {
        Properties properties = new Properties();
        Path file = configFile != null ? configFile : home.resolve("relay.properties");
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } else if (configFile != null) {
            throw new IOException("relay configuration " + configFile + " does not exist");
        }
        return RelayConfig.load(home, properties, System.getenv());
    }

    /** {@code RENKEI_HOME}, else {@code .renkei}. */
    public static Path defaultHome() {
        return RenkeiHome.fromEnvironment();
    }
}
