package jp.renkei.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandErrorsTest {
    @TempDir
    Path home;

    @Test
    void aMissingInputFileIsOneLineNamingTheFileAndExitCodeOne() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = CommandErrors.commandLine("renkei-ingest", new IngestCommand());
        commandLine.setErr(new PrintWriter(err, true));
        Path missing = home.resolve("no-such-roster.csv");

        int exitCode = commandLine.execute("land", "applications", "--home", home.toString(), missing.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("renkei-ingest: file or folder not found: " + missing)
                .doesNotContain("\tat ");
    }

    @Test
    void aMessageLessFailureStillSaysWhatKindItWas() {
        assertThat(CommandErrors.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
        assertThat(CommandErrors.describe(new IllegalStateException("the journal is closed"))).isEqualTo("the journal is closed");
    }
}
