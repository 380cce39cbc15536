package jp.renkei.relay.server;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import jp.renkei.relay.cli.RelayCommand;
import jp.renkei.relay.testing.RelayClient.Reply;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A bit that flips on disk in the middle of the relay's (sealed) journal costs the one file it was in, not every file
 * acknowledged after it: the restarted relay serves the others, says so in /health and /metrics, and the operator's
 * command lists the damaged record.
 */
class RelayJournalDamageTest {
    private static final int FILES = 10;
    private static final int DAMAGED = 5;

    @TempDir
    Path folder;

    @Test
    void aFlippedBitInTheJournalLosesOnlyTheFileItWasInAndIsReported() throws Exception {
        RelayHome home = RelayHome.create(folder, CARE_MANAGER, HOME_HELP);
        Properties settings = new Properties();
        List<String> names = new ArrayList<>();
        try (RunningRelay relay = home.start(settings, Clock.systemUTC())) {
            RelayClient client = relay.client();
            for (int i = 0; i < FILES; i++) {
                String name = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusMinutes(i));
                Reply reply = client.upload(CARE_MANAGER, name, ScheduleFiles.plan(HOME_HELP, String.format("20000000%02d", i)));
                assertThat(reply.status()).as(reply.text()).isEqualTo(202);
                names.add(name);
            }
            client.awaitProcessed(FILES);
        }
        Path journal = home.relay().resolve("journal").resolve("journal.log");
        flipABitInTheMiddleOfRecord(journal, DAMAGED);

        try (RunningRelay restarted = home.start(settings, Clock.systemUTC())) {
            RelayClient client = restarted.client();
            assertThat(client.health().get("journal_sequence").asLong()).isEqualTo(FILES);
            assertThat(client.health().get("journal_damaged_records").asInt()).isEqualTo(1);
            assertThat(client.get("/metrics").text()).contains("renkei_relay_journal_damaged_records 1");
            List<String> inbox = new ArrayList<>();
            client.inbox(HOME_HELP).json().get("files").forEach(file -> inbox.add(file.asText()));
            List<String> expected = new ArrayList<>(names);
            expected.remove(DAMAGED - 1);
            assertThat(inbox).as("every acknowledged file but the damaged one").containsExactlyInAnyOrderElementsOf(expected);
        }

        ByteArrayOutputStream listed = new ByteArrayOutputStream();
        PrintStream standardOutput = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(listed, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new RelayCommand()).execute("journal", "damaged", "--home", home.root().toString());
        } finally {
            System.setOut(standardOutput);
        }
        assertThat(exit).as("damage found").isEqualTo(1);
        assertThat(listed.toString(StandardCharsets.UTF_8)).contains("journal.log\t").contains("\t" + (DAMAGED - 1) + "\t");
    }

    /** Walks the records' headers (mark, length, checksum) to record {@code sequence} and flips a bit inside it. */
    private static void flipABitInTheMiddleOfRecord(Path journal, int sequence) throws Exception {
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(12);
            for (int record = 1; record < sequence; record++) {
                header.clear();
                channel.read(header, position);
                position += 12 + header.getInt(4);
            }
            header.clear();
            channel.read(header, position);
            long middle = position + 12 + header.getInt(4) / 2;
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, middle);
            channel.write(ByteBuffer.wrap(new byte[] {(byte) (one.get(0) ^ 0x04)}), middle);
        }
    }
}
