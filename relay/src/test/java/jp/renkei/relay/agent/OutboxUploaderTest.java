package jp.renkei.relay.agent;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.MONTH;
import static jp.renkei.relay.testing.ScheduleFiles.OTHER_CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import jp.renkei.ingest.standard.FileKind;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The office agent against a real relay over HTTPS. */
class OutboxUploaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private RelayHome home;
    private RunningRelay relay;
    private Path outbox;
    private Path sent;
    private Path rejected;

    @BeforeEach
    void startRelay() throws Exception {
        home = RelayHome.create(folder.resolve("home"), HOME_HELP);
        relay = home.start(new Properties(), Clock.systemUTC());
        outbox = folder.resolve("agent").resolve("outbox");
        sent = folder.resolve("agent").resolve("sent");
        rejected = folder.resolve("agent").resolve("rejected");
    }

    @AfterEach
    void stopRelay() throws IOException {
        relay.close();
    }

    @Test
    void theFilesOfEveryOfficeAreAcknowledgedAndMovedToSent() throws Exception {
        List<String> careManagerFiles = List.of(
                writeOutboxFile(CARE_MANAGER, SENT_AT, "1000000001"),
                writeOutboxFile(CARE_MANAGER, SENT_AT.plusMinutes(1), "1000000002"),
                writeOutboxFile(CARE_MANAGER, SENT_AT.plusMinutes(2), "1000000003"));
        List<String> otherCareManagerFiles = List.of(
                writeOutboxFile(OTHER_CARE_MANAGER, SENT_AT, "1000000004"),
                writeOutboxFile(OTHER_CARE_MANAGER, SENT_AT.plusHours(1), "1000000005"));
        List<String> progress = Collections.synchronizedList(new ArrayList<>());

        Map<UploadOutcome, Integer> outcomes = uploader().uploadAll(outbox, 2, progress::add);

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of(
                UploadOutcome.ACKNOWLEDGED, 5, UploadOutcome.REJECTED, 0, UploadOutcome.NOT_SENT, 0));
        assertThat(fileNames(sent.resolve(CARE_MANAGER))).containsExactlyInAnyOrderElementsOf(careManagerFiles);
        assertThat(fileNames(sent.resolve(OTHER_CARE_MANAGER))).containsExactlyInAnyOrderElementsOf(otherCareManagerFiles);
        assertThat(outbox.resolve(CARE_MANAGER)).isEmptyDirectory();
        assertThat(outbox.resolve(OTHER_CARE_MANAGER)).isEmptyDirectory();
        assertThat(rejected).doesNotExist();
        assertThat(progress).hasSize(5).contains("5/5 files");

        relay.close();
        assertThat(fileNames(home.relay().resolve("inbox").resolve(HOME_HELP)))
                .containsExactlyInAnyOrderElementsOf(Stream.concat(careManagerFiles.stream(),
                        otherCareManagerFiles.stream()).toList());
    }

    @Test
    void aFileTheRelayRefusesIsMovedToRejectedWithTheRelaysAnswer() throws Exception {
        String good = writeOutboxFile(CARE_MANAGER, SENT_AT, "1000000001");
        String bad = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusMinutes(1));
        List<String> fields = new ArrayList<>(ScheduleFiles.visit("1000000002", 4, HOME_HELP).toFields());
        fields.set(9, "20260231");
        write(CARE_MANAGER, bad, ScheduleFiles.raw(List.of(fields)));

        Map<UploadOutcome, Integer> outcomes = uploader().uploadAll(outbox, 1, status -> { });

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of(
                UploadOutcome.ACKNOWLEDGED, 1, UploadOutcome.REJECTED, 1, UploadOutcome.NOT_SENT, 0));
        assertThat(fileNames(sent.resolve(CARE_MANAGER))).containsExactly(good);
        assertThat(fileNames(rejected.resolve(CARE_MANAGER))).containsExactlyInAnyOrder(bad, bad + ".error.json");
        assertThat(JSON.readTree(rejected.resolve(CARE_MANAGER).resolve(bad + ".error.json").toFile()).get("code").asText())
                .isEqualTo("RELAY-CONTENT-001");
        assertThat(outbox.resolve(CARE_MANAGER)).isEmptyDirectory();
    }

    @Test
    void aWrongAgentTokenStopsTheRunAndLeavesTheOutboxAsItIs() throws Exception {
        String first = writeOutboxFile(CARE_MANAGER, SENT_AT, "1000000001");
        String second = writeOutboxFile(CARE_MANAGER, SENT_AT.plusMinutes(1), "1000000002");
        RelayClient client = relay.client();
        OutboxUploader wronglyConfigured = new OutboxUploader(client.base(), client.tls(), "not-the-token", sent, rejected);

        assertThatThrownBy(() -> wronglyConfigured.uploadAll(outbox, 1, status -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("401")
                .hasMessageContaining("agent token");
        assertThat(fileNames(outbox.resolve(CARE_MANAGER))).containsExactlyInAnyOrder(first, second);
        assertThat(rejected).doesNotExist();
        assertThat(sent).doesNotExist();
    }

    @Test
    void withTheRelayDownAFileIsNotSentAndStaysInTheOutbox() throws Exception {
        String name = writeOutboxFile(CARE_MANAGER, SENT_AT, "1000000001");
        RelayClient client = relay.client();
        relay.close();
        OutboxUploader uploader = new OutboxUploader(client.base(), client.tls(), client.token(), sent, rejected,
                Duration.ofMillis(1));

        Map<UploadOutcome, Integer> outcomes = uploader.uploadAll(outbox, 1, status -> { });

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of(
                UploadOutcome.ACKNOWLEDGED, 0, UploadOutcome.REJECTED, 0, UploadOutcome.NOT_SENT, 1));
        assertThat(fileNames(outbox.resolve(CARE_MANAGER))).containsExactly(name);
        assertThat(sent).doesNotExist();
        assertThat(rejected).doesNotExist();
    }

    @Test
    void anOfficesFilesGoInSendUnitOrderByTimestampThenName() throws Exception {
        Path office = Files.createDirectories(outbox.resolve(CARE_MANAGER));
        LocalDateTime first = LocalDateTime.of(2026, 11, 1, 8, 0, 0);
        String laterMonthFirstUnit = name(FileKind.UPPLAN, MONTH.plusMonths(1), first);
        String planOfSecondUnit = name(FileKind.UPPLAN, MONTH, first.plusDays(4));
        String claimOfSecondUnit = name(FileKind.UPSIKYU, MONTH, first.plusDays(4));
        String actualsOfThirdUnit = name(FileKind.UPJSK, MONTH.minusMonths(1), first.plusDays(5));
        for (String name : List.of(actualsOfThirdUnit, claimOfSecondUnit, laterMonthFirstUnit, planOfSecondUnit)) {
            Files.write(office.resolve(name), new byte[] {'x'});
        }
        Files.write(office.resolve("." + planOfSecondUnit + ".tmp"), new byte[] {'x'});
        Files.createDirectories(office.resolve("archive"));

        assertThat(OutboxUploader.filesOf(office)).extracting(file -> file.getFileName().toString())
                .containsExactly(laterMonthFirstUnit, planOfSecondUnit, claimOfSecondUnit, actualsOfThirdUnit);
    }

    private OutboxUploader uploader() {
        RelayClient client = relay.client();
        return new OutboxUploader(client.base(), client.tls(), client.token(), sent, rejected);
    }

    /** Writes a valid plan of {@code office} for {@link ScheduleFiles#HOME_HELP} into the outbox; returns its name. */
    private String writeOutboxFile(String office, LocalDateTime sentAt, String insuredPerson) throws IOException {
        String name = ScheduleFiles.name(office, HOME_HELP, sentAt);
        write(office, name, ScheduleFiles.plan(HOME_HELP, insuredPerson));
        return name;
    }

    private void write(String office, String name, byte[] content) throws IOException {
        Files.write(Files.createDirectories(outbox.resolve(office)).resolve(name), content);
    }

    private static String name(FileKind kind, YearMonth month, LocalDateTime sentAt) {
        return ScheduleFiles.name(kind, month, CARE_MANAGER, HOME_HELP, sentAt);
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
