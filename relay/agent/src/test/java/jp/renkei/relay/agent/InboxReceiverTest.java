package jp.renkei.relay.agent;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.OTHER_CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import jp.renkei.relay.journal.JournalEntry;
import jp.renkei.relay.pki.FileSignature;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.PkiLayout;
import jp.renkei.relay.testing.RelayClient.Reply;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office agent's inbox download over mutual TLS: against a real relay, and against a stand-in relay that serves
 * what a real one never would (bytes changed after signing, another office's signature), which the agent must catch
 * itself.
 */
class InboxReceiverTest {
    @TempDir
    Path folder;

    private RelayHome home;
    private RunningRelay relay;
    private RelayClient client;
    private Path inbox;

    @BeforeEach
    void startRelay() throws Exception {
        home = RelayHome.create(folder.resolve("home"), CARE_MANAGER, HOME_HELP);
        relay = home.start(new Properties(), Clock.systemUTC());
        client = relay.client();
        inbox = folder.resolve("office").resolve("inbox");
    }

    @AfterEach
    void stopRelay() throws Exception {
        relay.close();
    }

    @Test
    void everyInboxFileIsStoredThenAcknowledgedAndAFileAlreadyHeldIsOnlyAcknowledged() throws Exception {
        String first = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT);
        String second = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusMinutes(1));
        byte[] firstPlan = ScheduleFiles.plan(HOME_HELP, "1000000001");
        byte[] secondPlan = ScheduleFiles.plan(HOME_HELP, "1000000002");
        String firstId = upload(first, firstPlan);
        String secondId = upload(second, secondPlan);
        Files.write(Files.createDirectories(inbox).resolve(second), secondPlan);

        InboxReceiver.Result result = receiver(client.base(), client.relayCertificate()).receiveAll(inbox);

        assertThat(result).isEqualTo(new InboxReceiver.Result(1, 1, 2, 0));
        assertThat(inbox.resolve(first)).hasBinaryContent(firstPlan);
        assertThat(inbox.resolve(second)).hasBinaryContent(secondPlan);
        try (var files = Files.list(inbox)) {
            assertThat(files).as("no temporary file left").hasSize(2);
        }
        assertThat((Iterable<JsonNode>) client.inbox(HOME_HELP).json().get("files")).isEmpty();
        for (String messageId : new String[] {firstId, secondId}) {
            Reply receipt = client.as(CARE_MANAGER).get("/api/v1/receipts/" + messageId);
            assertThat(receipt.json().get("status").asText()).isEqualTo("acknowledged");
        }
        assertThat(receiver(client.base(), client.relayCertificate()).receiveAll(inbox))
                .as("a second pass finds nothing new").isEqualTo(new InboxReceiver.Result(0, 0, 0, 0));
        assertThat(InboxReceiver.defaultQuarantine(inbox)).doesNotExist();
    }

    @Test
    void aDifferentLocalFileOfTheSameNameIsKeptAndTheNewOneStoredBesideIt() throws Exception {
        String name = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT);
        byte[] plan = ScheduleFiles.plan(HOME_HELP, "1000000001");
        upload(name, plan);
        byte[] notYetImported = ScheduleFiles.plan(HOME_HELP, "1000000009");
        Files.write(Files.createDirectories(inbox).resolve(name), notYetImported);

        InboxReceiver.Result result = receiver(client.base(), client.relayCertificate()).receiveAll(inbox);

        assertThat(result).isEqualTo(new InboxReceiver.Result(1, 0, 1, 0));
        assertThat(inbox.resolve(name)).as("the local file is not overwritten").hasBinaryContent(notYetImported);
        try (var files = Files.list(inbox)) {
            assertThat(files.filter(file -> !file.getFileName().toString().equals(name)))
                    .singleElement().satisfies(beside -> {
                        assertThat(beside.getFileName().toString()).startsWith(name + ".");
                        assertThat(beside).hasBinaryContent(plan);
                    });
        }
    }

    @Test
    void bytesChangedAfterSigningAreQuarantinedNotStoredAndNotAcknowledged() throws Exception {
        OfficeCredentials sender = client.credentials(CARE_MANAGER);
        String good = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT);
        String tampered = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusMinutes(1));
        byte[] goodPlan = ScheduleFiles.plan(HOME_HELP, "1000000001");
        byte[] signedPlan = ScheduleFiles.plan(HOME_HELP, "1000000002");
        byte[] changedPlan = ScheduleFiles.plan(HOME_HELP, "1000000003");
        try (FakeInboxRelay fake = FakeInboxRelay.start(folder.resolve("fake"))) {
            fake.deliver(good, signedBy(sender, good, goodPlan, goodPlan));
            fake.deliver(tampered, signedBy(sender, tampered, signedPlan, changedPlan));

            InboxReceiver.Result result = receiver(fake.base(), fake.certificate()).receiveAll(inbox);

            assertThat(result).isEqualTo(new InboxReceiver.Result(1, 0, 1, 1));
            assertThat(fake.acknowledged()).as("only the proven file is acknowledged").containsExactly(good);
        }
        assertThat(fileNames(inbox)).containsExactly(good);
        Path quarantine = InboxReceiver.defaultQuarantine(inbox);
        assertThat(quarantine).isEqualTo(inbox.toAbsolutePath().resolveSibling("quarantine"));
        assertThat(fileNames(quarantine)).containsExactlyInAnyOrder(tampered, tampered + ".reason.txt");
        assertThat(quarantine.resolve(tampered)).hasBinaryContent(changedPlan);
        assertThat(Files.readString(quarantine.resolve(tampered + ".reason.txt")))
                .contains(ReceivedFileCheck.BAD_SIGNATURE).contains(tampered)
                .contains(JournalEntry.sha256(changedPlan)).contains("does not verify").contains("not acknowledged")
                .doesNotContain("1000000003");
    }

    @Test
    void aFileSignedByAnotherOfficeThanItsSenderIsRefused() throws Exception {
        OfficeCredentials impostor = client.credentials(OTHER_CARE_MANAGER);
        String name = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT);
        byte[] plan = ScheduleFiles.plan(HOME_HELP, "1000000001");
        try (FakeInboxRelay fake = FakeInboxRelay.start(folder.resolve("fake"))) {
            fake.deliver(name, signedBy(impostor, name, plan, plan));

            InboxReceiver receiver = receiver(fake.base(), fake.certificate());
            assertThat(receiver.receiveAll(inbox)).isEqualTo(new InboxReceiver.Result(0, 0, 0, 1));
            assertThat(receiver.receiveAll(inbox)).as("offered again, refused again")
                    .isEqualTo(new InboxReceiver.Result(0, 0, 0, 1));

            assertThat(fake.acknowledged()).isEmpty();
        }
        assertThat(inbox).isEmptyDirectory();
        Path quarantine = InboxReceiver.defaultQuarantine(inbox);
        assertThat(fileNames(quarantine)).as("the same bytes are kept once").containsExactlyInAnyOrder(name,
                name + ".reason.txt");
        assertThat(Files.readString(quarantine.resolve(name + ".reason.txt")))
                .contains(ReceivedFileCheck.NOT_THE_SENDER).contains("signed by office " + OTHER_CARE_MANAGER);
    }

    /**
     * A delivery of {@code served} with {@code signer}'s signature over {@code name} and {@code signed}, and the SHA-256
     * of what is served.
     */
    private static FakeInboxRelay.Delivery signedBy(OfficeCredentials signer, String name, byte[] signed, byte[] served) {
        return new FakeInboxRelay.Delivery(served, signer.sign(name, signed), FileSignature.encodeCertificate(signer.certificate()),
                JournalEntry.sha256(served));
    }

    /** The addressee's agent: its own certificate, and the office CA of its agent folder for the senders'. */
    private InboxReceiver receiver(URI relayAddress, Path relayCertificate) throws Exception {
        OfficeCredentials addressee = client.credentials(HOME_HELP);
        return new InboxReceiver(relayAddress, addressee, relayCertificate,
                InboxReceiver.signerVerifier(PkiLayout.agentFolder(home.root(), HOME_HELP), null));
    }

    private String upload(String name, byte[] content) throws Exception {
        Reply reply = client.upload(CARE_MANAGER, name, content);
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        client.awaitProcessed(reply.json().get("sequence").asLong());
        return reply.json().get("message_id").asText();
    }

    private static List<String> fileNames(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
