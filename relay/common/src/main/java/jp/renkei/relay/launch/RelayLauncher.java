package jp.renkei.relay.launch;

import jp.renkei.ingest.cli.CommandErrors;

/**
 * Starts one of the relay's programs (the server, the office agent, the tools): one log line format for all of them,
 * JSON logs when asked ({@link JsonLogFormatter}), and the error handling of every renkei command line.
 */
public final class RelayLauncher {
    private static final String LOG_LINE_FORMAT = "%1$tFT%1$tT.%1$tL %4$s [%3$s] %5$s%6$s%n";

    private RelayLauncher() {
    }

    /** Runs {@code command} (a picocli command) on {@code arguments} and returns its exit code. */
    public static int run(String programName, Object command, String... arguments) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", LOG_LINE_FORMAT);
        }
        JsonLogFormatter.installIfAsked(System.getenv());
        return CommandErrors.commandLine(programName, command).execute(arguments);
    }
}
