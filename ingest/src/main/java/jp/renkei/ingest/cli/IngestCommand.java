package jp.renkei.ingest.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code renkei-ingest <subcommand>}. */
@Command(name = "renkei-ingest", mixinStandardHelpOptions = true, version = "renkei 0.1.0",
        description = "Validates and lands renkei's input files, and generates the demo nation.",
        subcommands = {BackfillCommand.class, DemoGenerateCommand.class, LandCommand.class, LandingUpgradeCommand.class,
                ValidateCommand.class})
public final class IngestCommand implements Callable<Integer> {

    public static void main(String[] arguments) {
        System.exit(CommandErrors.commandLine("renkei-ingest", new IngestCommand()).execute(arguments));
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return 2;
    }

    /** RENKEI_HOME, or {@code .renkei} in the working folder. */
    static Path defaultHome() {
        return RenkeiHome.fromEnvironment();
    }
}
