package jp.renkei.relay.agent;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayClient.Reply;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The office agent's inbox download against a real relay over HTTPS. */
class InboxReceiverTest {
    @TempDir
    Path folder;

    private RunningRelay relay;

    @BeforeEach
    void startRelay() throws Exception {
        relay = RelayHome.create(folder.resolve("home"), CARE_MANAGER, HOME_HELP).start(new Properties(), Clock.systemUTC());
    }

    @AfterEach
    void stopRelay() throws Exception {
        relay.close();
    }

    @Test
    void everyInboxFileIsStoredThenAcknowledgedAndAFileAlreadyHeldIsOnlyAcknowledged() throws Exception {
        RelayClient client = relay.client();
        String first = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT);
        String second = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusMinutes(1));
        byte[] firstPlan = ScheduleFiles.plan(HOME_HELP, "1000000001");
        byte[] secondPlan = ScheduleFiles.plan(HOME_HELP, "1000000002");
        String firstId = upload(client, first, firstPlan);
        String secondId = upload(client, second, secondPlan);
        Path inbox = Files.createDirectories(folder.resolve("office").resolve("inbox"));
        Files.write(inbox.resolve(second), secondPlan);

        InboxReceiver.Result result = new InboxReceiver(client.base(), client.tls(), client.token(), HOME_HELP)
                .receiveAll(inbox);

        assertThat(result).isEqualTo(new InboxReceiver.Result(1, 1, 2));
        assertThat(inbox.resolve(first)).hasBinaryContent(firstPlan);
        assertThat(inbox.resolve(second)).hasBinaryContent(secondPlan);
        try (var files = Files.list(inbox)) {
            assertThat(files).as("no temporary file left").hasSize(2);
        }
        assertThat((Iterable<JsonNode>) client.inbox(HOME_HELP).json().get("files")).isEmpty();
        for (String messageId : new String[] {firstId, secondId}) {
            Reply receipt = client.get("/api/v1/receipts/" + messageId, client.agentOf(CARE_MANAGER));
            assertThat(receipt.json().get("status").asText()).isEqualTo("acknowledged");
        }
        assertThat(new InboxReceiver(client.base(), client.tls(), client.token(), HOME_HELP).receiveAll(inbox))
                .as("a second pass finds nothing new").isEqualTo(new InboxReceiver.Result(0, 0, 0));
    }

    @Test
    void aDifferentLocalFileOfTheSameNameIsKeptAndTheNewOneStoredBesideIt() throws Exception {
        RelayClient client = relay.client();
        String name = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT);
        byte[] plan = ScheduleFiles.plan(HOME_HELP, "1000000001");
        upload(client, name, plan);
        Path inbox = Files.createDirectories(folder.resolve("office").resolve("inbox"));
        byte[] notYetImported = ScheduleFiles.plan(HOME_HELP, "1000000009");
        Files.write(inbox.resolve(name), notYetImported);

        InboxReceiver.Result result = new InboxReceiver(client.base(), client.tls(), client.token(), HOME_HELP)
                .receiveAll(inbox);

        assertThat(result).isEqualTo(new InboxReceiver.Result(1, 0, 1));
        assertThat(inbox.resolve(name)).as("the local file is not overwritten").hasBinaryContent(notYetImported);
        try (var files = Files.list(inbox)) {
            assertThat(files.filter(file -> !file.getFileName().toString().equals(name)))
                    .singleElement().satisfies(beside -> {
                        assertThat(beside.getFileName().toString()).startsWith(name + ".");
                        assertThat(beside).hasBinaryContent(plan);
                    });
        }
    }

    private static String upload(RelayClient client, String name, byte[] content) throws Exception {
        Reply reply = client.upload(CARE_MANAGER, name, content);
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        client.awaitProcessed(reply.json().get("sequence").asLong());
        return reply.json().get("message_id").asText();
    }
}
