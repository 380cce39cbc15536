package jp.renkei.relay.agent.cli;

import java.util.concurrent.Callable;
import jp.renkei.relay.launch.RelayLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The root command of the office agent, what a care office installs: {@code renkei-agent send | receive}. The relay
 * server is {@code renkei-relay}, a separate artifact the agent does not depend on (docs/relay.md).
 */
@Command(name = "renkei-agent", mixinStandardHelpOptions = true, version = "renkei 0.1.0",
        description = "The renkei office agent: uploads the office's outbox to the relay and receives its inbox.",
        subcommands = {SendCommand.class, ReceiveCommand.class})
public final class AgentCommand implements Callable<Integer> {

    public static void main(String[] arguments) {
        System.exit(RelayLauncher.run("renkei-agent", new AgentCommand(), arguments));
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return 2;
    }
}
