package jp.renkei.relay.server;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static jp.renkei.relay.testing.ScheduleFiles.UNREGISTERED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import jp.renkei.relay.journal.JournalEntry;
import jp.renkei.relay.testing.MutableClock;
import jp.renkei.relay.testing.RelayClient.Reply;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Receipts (like AS2's MDN) and inbox acknowledgements over real HTTPS, and their survival of a restart. */
class RelayReceiptTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-26T12:00:00.123Z");
    private static final String NAME = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT);
    private static final byte[] PLAN = ScheduleFiles.plan(HOME_HELP, "1234567890");

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(RECEIVED);
    private RelayHome home;
    private RunningRelay relay;

    @BeforeEach
    void startRelay() throws Exception {
        home = RelayHome.create(folder, CARE_MANAGER, HOME_HELP);
        relay = home.start(new Properties(), clock);
    }

    @AfterEach
    void stopRelay() throws Exception {
        relay.close();
    }

    @Test
    void theSenderSeesDeliveryThenTheAddresseesAcknowledgementAndBothSurviveARestart() throws Exception {
        RelayClient client = relay.client();
        String messageId = uploadAndAwaitDelivery(client, NAME);

        JsonNode delivered = receipt(client, CARE_MANAGER, messageId).json();
        assertThat(delivered.get("message_id").asText()).isEqualTo(messageId);
        assertThat(delivered.get("file_name").asText()).isEqualTo(NAME);
        assertThat(delivered.get("sha256").asText()).isEqualTo(JournalEntry.sha256(PLAN));
        assertThat(delivered.get("received_at").asText()).isEqualTo("2026-11-26T12:00:00.123Z");
        assertThat(delivered.get("delivered_at").asText()).isEqualTo("2026-11-26T12:00:00.123Z");
        assertThat(delivered.get("acknowledged_at").isNull()).isTrue();
        assertThat(delivered.get("status").asText()).isEqualTo("delivered");

        clock.advance(Duration.ofMinutes(5));
        Reply ack = acknowledge(client, HOME_HELP, NAME, JournalEntry.sha256(PLAN));
        assertThat(ack.status()).as(ack.text()).isEqualTo(200);
        assertThat(ack.json().get("message_id").asText()).isEqualTo(messageId);
        assertThat((Iterable<JsonNode>) client.inbox(HOME_HELP).json().get("files")).as("acknowledged files are not listed")
                .isEmpty();
        assertThat(client.download(HOME_HELP, NAME).body()).as("but still downloadable").isEqualTo(PLAN);

        clock.advance(Duration.ofMinutes(5));
        assertThat(acknowledge(client, HOME_HELP, NAME, null).status()).as("acknowledging again").isEqualTo(200);
        relay.close();
        try (RunningRelay restarted = home.start(new Properties(), clock)) {
            JsonNode acknowledged = receipt(restarted.client(), CARE_MANAGER, messageId).json();
            assertThat(acknowledged.get("status").asText()).isEqualTo("acknowledged");
            assertThat(acknowledged.get("delivered_at").asText()).isEqualTo("2026-11-26T12:00:00.123Z");
            assertThat(acknowledged.get("acknowledged_at").asText()).as("the first acknowledgement")
                    .isEqualTo("2026-11-26T12:05:00.123Z");
            assertThat((Iterable<JsonNode>) restarted.client().inbox(HOME_HELP).json().get("files")).isEmpty();
        }
    }

    @Test
    void onlyTheSenderGetsAReceipt() throws Exception {
        RelayClient client = relay.client();
        String messageId = uploadAndAwaitDelivery(client, NAME);

        for (Reply refused : new Reply[] {receipt(client, HOME_HELP, messageId), receipt(client, UNREGISTERED, messageId),
                receipt(client, CARE_MANAGER, UUID.randomUUID().toString()), receipt(client, CARE_MANAGER, "..%2F..")}) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(404);
            assertThat(refused.code()).isEqualTo("RELAY-RECEIPT-001");
        }
        Reply noCertificate = client.get("/api/v1/receipts/" + messageId);
        assertThat(noCertificate.status()).isEqualTo(401);
        assertThat(noCertificate.code()).isEqualTo("RELAY-CERT-001");
    }

    @Test
    void aHeldFilesReceiptSaysHeldAndOnlyTheAddresseeCanAcknowledgeADeliveredOne() throws Exception {
        RelayClient client = relay.client();
        String heldName = ScheduleFiles.name(CARE_MANAGER, UNREGISTERED, SENT_AT);
        Reply held = client.upload(CARE_MANAGER, heldName, ScheduleFiles.plan(UNREGISTERED, "1234567890"));
        client.awaitProcessed(held.json().get("sequence").asLong());
        uploadAndAwaitDelivery(client, NAME);

        assertThat(receipt(client, CARE_MANAGER, held.json().get("message_id").asText()).json().get("status").asText())
                .isEqualTo("held");
        Reply bySender = acknowledge(client, CARE_MANAGER, NAME, null);
        assertThat(bySender.status()).isEqualTo(404);
        assertThat(bySender.code()).isEqualTo("RELAY-INBOX-001");
        Reply otherBytes = acknowledge(client, HOME_HELP, NAME, JournalEntry.sha256(new byte[] {1}));
        assertThat(otherBytes.status()).isEqualTo(409);
        assertThat(otherBytes.code()).isEqualTo("RELAY-ACK-001");
        Reply traversal = acknowledge(client, HOME_HELP, "..%2F" + CARE_MANAGER + "%2F" + NAME, null);
        assertThat(traversal.status()).isEqualTo(400);
        assertThat(traversal.code()).isEqualTo("RELAY-NAME-001");
        Reply postOnFile = client.as(HOME_HELP).post("/api/v1/inbox/" + NAME, new byte[0]);
        assertThat(postOnFile.status()).isEqualTo(405);
    }

    @Test
    void aTornLastLineOfTheReceiptLogIsCutAndTheRestIsKept() throws Exception {
        RelayClient client = relay.client();
        String messageId = uploadAndAwaitDelivery(client, NAME);
        assertThat(acknowledge(client, HOME_HELP, NAME, null).status()).isEqualTo(200);
        relay.close();
        Path log = home.relay().resolve("journal").resolve("receipts.log");
        long intact = Files.size(log);
        Files.write(log, "A 123 45".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                java.nio.file.StandardOpenOption.APPEND);

        try (RunningRelay restarted = home.start(new Properties(), clock)) {
            assertThat(receipt(restarted.client(), CARE_MANAGER, messageId).json().get("status").asText())
                    .isEqualTo("acknowledged");
        }
        assertThat(Files.size(log)).isEqualTo(intact);
    }

    private String uploadAndAwaitDelivery(RelayClient client, String name) throws Exception {
        Reply upload = client.upload(CARE_MANAGER, name, PLAN);
        assertThat(upload.status()).as(upload.text()).isEqualTo(202);
        client.awaitProcessed(upload.json().get("sequence").asLong());
        return upload.json().get("message_id").asText();
    }

    private static Reply receipt(RelayClient client, String office, String messageId) throws Exception {
        return client.as(office).get("/api/v1/receipts/" + messageId);
    }

    private static Reply acknowledge(RelayClient client, String office, String rawName, String sha256) throws Exception {
        Map<String, String> headers = new HashMap<>();
        if (sha256 != null) {
            headers.put("X-Renkei-Sha256", sha256);
        }
        return client.as(office).post("/api/v1/inbox/" + rawName + "/ack", new byte[0], headers);
    }
}
