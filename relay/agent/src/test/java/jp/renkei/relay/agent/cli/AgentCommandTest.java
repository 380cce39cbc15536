package jp.renkei.relay.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import jp.renkei.ingest.cli.CommandErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The office agent's command line: its commands share their options through mixins and refuse bad values by name. */
class AgentCommandTest {
    @TempDir
    Path home;

    @Test
    void sendAndReceiveOfferTheSharedOptions() {
        for (String command : new String[] {"send", "receive"}) {
            String usage = run(0, command, "--help");
            assertThat(usage).as(command).contains("--home", "--relay=", "--relay-certificate", "--watch",
                    "--poll-seconds");
        }
    }

    @Test
    void aPollIntervalBelowOneSecondIsRefusedBeforeAnythingIsRead() {
        String errors = run(2, "receive", "--home", home.toString(), "--relay", "https://127.0.0.1:1",
                "--office", "1310000001", "--inbox-folder", home.resolve("inbox").toString(), "--watch",
                "--poll-seconds", "0");
        assertThat(errors).contains("--poll-seconds must be at least 1");
    }

    @Test
    void theRelayAddressIsRequired() {
        String errors = run(2, "send", "--home", home.toString(), "--outbox", home.toString());
        assertThat(errors).contains("--relay");
    }

    private static String run(int expectedExit, String... arguments) {
        StringWriter output = new StringWriter();
        CommandLine commandLine = CommandErrors.commandLine("renkei-agent", new AgentCommand());
        commandLine.setOut(new PrintWriter(output, true));
        commandLine.setErr(new PrintWriter(output, true));
        int exit = commandLine.execute(arguments);
        assertThat(exit).as(output.toString()).isEqualTo(expectedExit);
        return output.toString();
    }
}
