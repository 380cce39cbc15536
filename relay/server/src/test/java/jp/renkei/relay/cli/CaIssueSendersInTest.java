package jp.renkei.relay.cli;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.OTHER_CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.renkei.ingest.cli.CommandErrors;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.Pem;
import jp.renkei.relay.pki.PkiLayout;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code renkei-relay ca issue --senders-in <outbox>}: one office certificate per sending office, issued once. */
class CaIssueSendersInTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void everySenderOfAnOutboxGetsCredentialsOnceAndTheRelayTrustsTheirCa() throws Exception {
        Path outbox = home.resolve("outbox");
        write(outbox.resolve(CARE_MANAGER), ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT));
        write(outbox.resolve(CARE_MANAGER), ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusMinutes(1)));
        write(outbox.resolve(OTHER_CARE_MANAGER), ScheduleFiles.name(OTHER_CARE_MANAGER, HOME_HELP, SENT_AT));
        write(outbox.resolve(OTHER_CARE_MANAGER), "README.txt");

        int exit = run("ca", "issue", "--home", home.toString(), "--senders-in", outbox.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("2 sender offices in " + outbox).contains("office CA created")
                .contains("issued 2, kept 0");
        OfficeCredentials careManager = OfficeCredentials.load(PkiLayout.agentFolder(home, CARE_MANAGER));
        assertThat(OfficeCredentials.load(PkiLayout.agentFolder(home, OTHER_CARE_MANAGER)).officeNumber())
                .isEqualTo(OTHER_CARE_MANAGER);
        assertThat(Files.exists(PkiLayout.agentFolder(home, HOME_HELP))).as("an addressee only").isFalse();
        assertThat(Pem.readCertificates(PkiLayout.relayTrustAnchor(PkiLayout.defaultRelayHome(home))))
                .containsExactly(careManager.issuer());

        out.getBuffer().setLength(0);
        assertThat(run("ca", "issue", "--home", home.toString(), "--senders-in", outbox.toString())).isZero();

        assertThat(out.toString()).contains("issued 0, kept 2").doesNotContain("office CA created");
        assertThat(OfficeCredentials.load(PkiLayout.agentFolder(home, CARE_MANAGER)).certificate())
                .as("kept, not issued again").isEqualTo(careManager.certificate());
    }

    @Test
    void officeAndSendersInExcludeEachOther() {
        assertThat(run("ca", "issue", "--home", home.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("give either --office <10 digits> or --senders-in <folder>");
        assertThat(run("ca", "issue", "--home", home.toString(), "--office", CARE_MANAGER, "--senders-in",
                home.toString())).isEqualTo(2);
        assertThat(run("ca", "issue", "--home", home.toString(), "--senders-in", home.toString(), "--out",
                home.resolve("x").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--out names one office's folder");
    }

    private static void write(Path folder, String name) throws Exception {
        Files.write(Files.createDirectories(folder).resolve(name), new byte[] {'x'});
    }

    private int run(String... arguments) {
        CommandLine command = CommandErrors.commandLine("renkei-relay", new RelayCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(arguments);
    }
}
