package jp.renkei.relay.agent.cli;

import java.time.Duration;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/** {@code --watch} and {@code --poll-seconds}: whether the agent's command keeps running, and how often it looks. */
final class WatchOptions {
    @Option(names = "--watch", description = "Keep running until Ctrl-C or SIGTERM; one line per pass that moved "
            + "or refused something.")
    private boolean watch;

    @Option(names = "--poll-seconds", description = "With --watch: seconds between looks (default ${DEFAULT-VALUE}).")
    private int pollSeconds = 5;

    boolean watch() {
        return watch;
    }

    /** The pause between looks; a {@link ParameterException} if {@code --poll-seconds} is below one. */
    Duration pollInterval(CommandLine commandLine) {
        if (pollSeconds < 1) {
            throw new ParameterException(commandLine, "--poll-seconds must be at least 1");
        }
        return Duration.ofSeconds(pollSeconds);
    }
}
