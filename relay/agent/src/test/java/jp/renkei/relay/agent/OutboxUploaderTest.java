package jp.renkei.relay.agent;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.OTHER_CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import jp.renkei.relay.pki.FileSignature;
import jp.renkei.relay.pki.OfficeCertificateAuthority;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import jp.renkei.relay.testing.ScheduleFiles;
import jp.renkei.relay.tls.RelayTlsMaterial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The office agent's upload against a real relay over mutual TLS, each office with its own certificate. */
class OutboxUploaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private RelayHome home;
    private RunningRelay relay;
    private RelayClient client;
    private Path outbox;
    private Path sent;
    private Path rejected;

    @BeforeEach
    void startRelay() throws Exception {
        home = RelayHome.create(folder.resolve("home"), HOME_HELP);
        relay = home.start(new Properties(), Clock.systemUTC());
        client = relay.client();
        outbox = folder.resolve("agent").resolve("outbox");
        sent = folder.resolve("agent").resolve("sent");
        rejected = folder.resolve("agent").resolve("rejected");
    }

    @AfterEach
    void stopRelay() throws IOException {
        relay.close();
    }

    @Test
    void theFilesOfEverySenderGoWithItsOwnCertificateSignedAndMoveToSent() throws Exception {
        client.credentials(CARE_MANAGER);
        client.credentials(OTHER_CARE_MANAGER);
        List<String> careManagerFiles = List.of(
                writeOutboxFile(CARE_MANAGER, SENT_AT, "1000000001"),
                writeOutboxFile(CARE_MANAGER, SENT_AT.plusMinutes(1), "1000000002"),
                writeOutboxFile(CARE_MANAGER, SENT_AT.plusMinutes(2), "1000000003"));
        List<String> otherCareManagerFiles = List.of(
                writeOutboxFile(OTHER_CARE_MANAGER, SENT_AT, "1000000004"),
                writeOutboxFile(OTHER_CARE_MANAGER, SENT_AT.plusHours(1), "1000000005"));
        List<String> progress = Collections.synchronizedList(new ArrayList<>());

        Map<UploadOutcome, Integer> outcomes = sender(AgentCredentials.inHome(home.root())).uploadAll(outbox, 2, progress::add);

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of(
                UploadOutcome.ACKNOWLEDGED, 5, UploadOutcome.REJECTED, 0, UploadOutcome.NOT_SENT, 0, UploadOutcome.DUPLICATE, 0));
        assertThat(fileNames(sent.resolve(CARE_MANAGER))).containsExactlyInAnyOrderElementsOf(careManagerFiles);
        assertThat(fileNames(sent.resolve(OTHER_CARE_MANAGER))).containsExactlyInAnyOrderElementsOf(otherCareManagerFiles);
        assertThat(outbox.resolve(CARE_MANAGER)).isEmptyDirectory();
        assertThat(outbox.resolve(OTHER_CARE_MANAGER)).isEmptyDirectory();
        assertThat(rejected).doesNotExist();
        assertThat(progress).hasSize(5).contains("5/5 files");

        client.awaitProcessed(client.health().get("journal_sequence").asLong());
        List<String> delivered = new ArrayList<>();
        client.inbox(HOME_HELP).json().get("files").forEach(name -> delivered.add(name.asText()));
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(
                Stream.concat(careManagerFiles.stream(), otherCareManagerFiles.stream()).toList());
        RelayClient.Reply download = client.download(HOME_HELP, otherCareManagerFiles.get(0));
        OfficeCredentials signer = client.credentials(OTHER_CARE_MANAGER);
        assertThat(FileSignature.decodeCertificate(download.headers().firstValue(FileSignature.SIGNER_HEADER).orElseThrow()))
                .as("signed with the sender's own certificate").isEqualTo(signer.certificate());
        assertThat(FileSignature.verifies(signer.certificate(), otherCareManagerFiles.get(0), download.body(),
                download.headers().firstValue(FileSignature.HEADER).orElseThrow())).isTrue();
    }

    @Test
    void aFileTheRelayRefusesIsMovedToRejectedWithTheRelaysAnswer() throws Exception {
        String good = writeOutboxFile(CARE_MANAGER, SENT_AT, "1000000001");
        String bad = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusMinutes(1));
        List<String> fields = new ArrayList<>(ScheduleFiles.visit("1000000002", 4, HOME_HELP).toFields());
        fields.set(9, "20260231");
        write(CARE_MANAGER, bad, ScheduleFiles.raw(List.of(fields)));

        Map<UploadOutcome, Integer> outcomes = sender(AgentCredentials.only(client.credentials(CARE_MANAGER)))
                .uploadAll(outbox, 1, status -> { });

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of(
                UploadOutcome.ACKNOWLEDGED, 1, UploadOutcome.REJECTED, 1, UploadOutcome.NOT_SENT, 0, UploadOutcome.DUPLICATE, 0));
        assertThat(fileNames(sent.resolve(CARE_MANAGER))).containsExactly(good);
        assertThat(fileNames(rejected.resolve(CARE_MANAGER))).containsExactlyInAnyOrder(bad, bad + ".error.json");
        assertThat(errorOf(CARE_MANAGER, bad).get("code").asText()).isEqualTo("RELAY-CONTENT-001");
        assertThat(outbox.resolve(CARE_MANAGER)).isEmptyDirectory();
    }

    @Test
    void aFileOfAnotherSenderIsNotSentWithTheseCredentialsButRejectedWithTheReason() throws Exception {
        String own = writeOutboxFile(CARE_MANAGER, SENT_AT, "1000000001");
        String foreign = ScheduleFiles.name(OTHER_CARE_MANAGER, HOME_HELP, SENT_AT.plusMinutes(1));
        write(CARE_MANAGER, foreign, ScheduleFiles.plan(HOME_HELP, "1000000002"));
        write(CARE_MANAGER, "notes.txt", new byte[] {'x'});

        Map<UploadOutcome, Integer> outcomes = sender(AgentCredentials.only(client.credentials(CARE_MANAGER)))
                .uploadAll(outbox, 1, status -> { });

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of(
                UploadOutcome.ACKNOWLEDGED, 1, UploadOutcome.REJECTED, 2, UploadOutcome.NOT_SENT, 0, UploadOutcome.DUPLICATE, 0));
        assertThat(fileNames(sent.resolve(CARE_MANAGER))).containsExactly(own);
        JsonNode reason = errorOf(CARE_MANAGER, foreign);
        assertThat(reason.get("code").asText()).isEqualTo(OutboxUploader.FOREIGN_SENDER);
        assertThat(reason.get("message").asText()).contains(OTHER_CARE_MANAGER).contains(CARE_MANAGER);
        assertThat(reason.get("message_ja").asText()).isNotBlank();
        assertThat(errorOf(CARE_MANAGER, "notes.txt").get("code").asText()).startsWith("STD-NAME-");
        assertThat(client.health().get("journal_sequence").asLong()).as("only the own file reached the relay").isEqualTo(1);
    }

    @Test
    void aCertificateTheRelayRefusesStopsTheRunAndLeavesTheOutboxAsItIs() throws Exception {
        String first = writeOutboxFile(CARE_MANAGER, SENT_AT, "1000000001");
        String second = writeOutboxFile(CARE_MANAGER, SENT_AT.plusMinutes(1), "1000000002");
        OfficeCredentials foreign = OfficeCertificateAuthority.createOrLoad(folder.resolve("foreign-ca"), Clock.systemUTC())
                .issue(CARE_MANAGER, Duration.ofDays(30));

        assertThatThrownBy(() -> sender(AgentCredentials.only(foreign)).uploadAll(outbox, 1, status -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("401")
                .hasMessageContaining("RELAY-CERT-002")
                .hasMessageContaining("renkei-relay ca issue --office " + CARE_MANAGER)
                .hasMessageContaining("the outbox is left as it is");
        assertThat(fileNames(outbox.resolve(CARE_MANAGER))).containsExactlyInAnyOrder(first, second);
        assertThat(rejected).doesNotExist();
        assertThat(sent).doesNotExist();
    }

    @Test
    void aRelayCertificateOtherThanTheTrustedOneStopsTheRunAtOnce() throws Exception {
        String name = writeOutboxFile(CARE_MANAGER, SENT_AT, "1000000001");
        Path stranger = RelayTlsMaterial.ensure(folder.resolve("other-relay"), folder.resolve("other-secrets"))
                .certificateFile();
        OutboxSender sender = new OutboxSender(client.base(), stranger,
                AgentCredentials.only(client.credentials(CARE_MANAGER)), sent, rejected);

        assertThatThrownBy(() -> sender.uploadAll(outbox, 1, status -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("--relay-certificate")
                .hasMessageContaining("the outbox is left as it is");
        assertThat(fileNames(outbox.resolve(CARE_MANAGER))).containsExactly(name);
        assertThat(sent).doesNotExist();
    }

    @Test
    void missingCredentialsStopTheRunBeforeAnythingIsSentAndNameTheCommand() throws Exception {
        client.credentials(CARE_MANAGER);
        String own = writeOutboxFile(CARE_MANAGER, SENT_AT, "1000000001");
        String other = writeOutboxFile(OTHER_CARE_MANAGER, SENT_AT, "1000000002");

        assertThatThrownBy(() -> sender(AgentCredentials.inHome(home.root())).uploadAll(outbox, 2, status -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("office " + OTHER_CARE_MANAGER + " has no credentials")
                .hasMessageContaining("renkei-relay ca issue --office " + OTHER_CARE_MANAGER)
                .hasMessageContaining("nothing was sent");
        assertThat(fileNames(outbox.resolve(CARE_MANAGER))).containsExactly(own);
        assertThat(fileNames(outbox.resolve(OTHER_CARE_MANAGER))).containsExactly(other);
        assertThat(sent).doesNotExist();
    }

    @Test
    void withTheRelayDownAFileIsNotSentAndStaysInTheOutbox() throws Exception {
        String name = writeOutboxFile(CARE_MANAGER, SENT_AT, "1000000001");
        OfficeCredentials credentials = client.credentials(CARE_MANAGER);
        relay.close();
        OutboxSender sender = new OutboxSender(client.base(), client.relayCertificate(), AgentCredentials.only(credentials),
                sent, rejected, Duration.ofMillis(1));

        Map<UploadOutcome, Integer> outcomes = sender.uploadAll(outbox, 1, status -> { });

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of(
                UploadOutcome.ACKNOWLEDGED, 0, UploadOutcome.REJECTED, 0, UploadOutcome.NOT_SENT, 1, UploadOutcome.DUPLICATE, 0));
        assertThat(fileNames(outbox.resolve(CARE_MANAGER))).containsExactly(name);
        assertThat(sent).doesNotExist();
        assertThat(rejected).doesNotExist();
    }

    @Test
    void aRunWithMoreSendersThanTheClientsKeptReleasesEachOfficesClientWhenItsFilesAreDone() throws Exception {
        client.credentials(CARE_MANAGER);
        client.credentials(OTHER_CARE_MANAGER);
        writeOutboxFile(CARE_MANAGER, SENT_AT, "1000000001");
        writeOutboxFile(OTHER_CARE_MANAGER, SENT_AT, "1000000002");
        OutboxSender few = new OutboxSender(client.base(), client.relayCertificate(), AgentCredentials.inHome(home.root()),
                sent, rejected, null, 1);

        Map<UploadOutcome, Integer> outcomes = few.uploadAll(outbox, 2, status -> { });

        assertThat(outcomes).containsEntry(UploadOutcome.ACKNOWLEDGED, 2);
        assertThat(few.openClients()).as("clients kept after a run of 2 senders, 1 kept").isZero();

        writeOutboxFile(CARE_MANAGER, SENT_AT.plusMinutes(1), "1000000003");
        OutboxSender kept = sender(AgentCredentials.inHome(home.root()));
        assertThat(kept.uploadAll(outbox, 2, status -> { })).containsEntry(UploadOutcome.ACKNOWLEDGED, 1);
        assertThat(kept.openClients()).as("one sender: its client is kept for the next pass").isEqualTo(1);
    }

    private OutboxSender sender(AgentCredentials credentials) {
        return new OutboxSender(client.base(), client.relayCertificate(), credentials, sent, rejected);
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

    private JsonNode errorOf(String office, String name) throws IOException {
        return JSON.readTree(rejected.resolve(office).resolve(name + ".error.json").toFile());
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
