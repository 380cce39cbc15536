package jp.renkei.relay.server;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import jp.renkei.relay.testing.MutableClock;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivered files leave the relay after the retention period, whole journal segments at a time. */
class RelayRetentionTest {
    private static final Instant START = Instant.parse("2026-11-26T12:00:00Z");
    private static final int FILES = 12;

    @TempDir
    Path folder;

    @Test
    void filesOlderThanTheRetentionAreDeletedWithTheirSegmentAndForgottenButSequencesGoOn() throws Exception {
        RelayHome home = RelayHome.create(folder, CARE_MANAGER, HOME_HELP);
        Properties properties = new Properties();
        properties.setProperty("relay.journal.segment-bytes", "2048");
        properties.setProperty("relay.retention-days", "30");
        MutableClock clock = new MutableClock(START);
        List<String> names = new ArrayList<>();
        List<String> messageIds = new ArrayList<>();
        try (RunningRelay relay = home.start(properties, clock)) {
            for (int index = 0; index < FILES; index++) {
                String name = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusMinutes(index));
                names.add(name);
                messageIds.add(relay.client().upload(CARE_MANAGER, name, ScheduleFiles.plan(HOME_HELP,
                        String.format("10000000%02d", index))).json().get("message_id").asText());
            }
            relay.client().awaitProcessed(FILES);
        }
        assertThat(segments()).as("the journal spilled into several segments").hasSizeGreaterThan(2);

        clock.advance(Duration.ofDays(29));
        try (RunningRelay relay = home.start(properties, clock)) {
            RelayClient client = relay.client();
            await("retention's first pass, at start-up").until(() -> client.health().get("retention_passes").asLong() >= 1);
            assertThat(relay.client().inbox(HOME_HELP).json().get("files")).as("within the retention").hasSize(FILES);
        }

        clock.advance(Duration.ofDays(2));
        try (RunningRelay relay = home.start(properties, clock)) {
            RelayClient client = relay.client();
            JsonNode inbox = awaitInboxSmallerThan(client, FILES);
            List<String> kept = new ArrayList<>();
            inbox.get("files").forEach(file -> kept.add(file.asText()));

            assertThat(kept).as("whole segments go, oldest first")
                    .containsExactlyElementsOf(names.subList(FILES - kept.size(), FILES));
            assertThat(client.download(HOME_HELP, names.get(0)).status()).isEqualTo(404);
            assertThat(client.as(CARE_MANAGER).get("/api/v1/receipts/" + messageIds.get(0)).status()).isEqualTo(404);
            String fresh = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusHours(5));
            assertThat(client.upload(CARE_MANAGER, fresh, ScheduleFiles.plan(HOME_HELP, "2000000001")).json()
                    .get("sequence").asLong()).as("sequences never restart").isEqualTo(FILES + 1);
            client.awaitProcessed(FILES + 1);
            assertThat(client.download(HOME_HELP, fresh).status()).isEqualTo(200);
        }
        assertThat(segments().get(0).getFileName().toString()).as("the first segment is gone").startsWith("journal.log.");
    }

    /** Held files (for offices the relay does not know) hold personal data: retention deletes them too. */
    @Test
    void heldFilesAreDeletedAfterTheRetentionPeriod() throws Exception {
        RelayHome home = RelayHome.create(folder, CARE_MANAGER, HOME_HELP);
        Properties properties = new Properties();
        properties.setProperty("relay.retention-days", "30");
        MutableClock clock = new MutableClock(START);
        String name = ScheduleFiles.name(CARE_MANAGER, ScheduleFiles.UNREGISTERED, SENT_AT);
        try (RunningRelay relay = home.start(properties, clock)) {
            relay.client().upload(CARE_MANAGER, name, ScheduleFiles.plan(ScheduleFiles.UNREGISTERED, "1000000001"));
            relay.client().awaitProcessed(1);
        }
        Path held = folder.resolve("relay").resolve("held").resolve(name + ".sealed");
        assertThat(held).exists();

        clock.advance(Duration.ofDays(29));
        try (RunningRelay relay = home.start(properties, clock)) {
            RelayClient client = relay.client();
            await("retention's first pass").until(() -> client.health().get("retention_passes").asLong() >= 1);
            assertThat(held).as("within the retention").exists();
        }

        clock.advance(Duration.ofDays(2));
        try (RunningRelay relay = home.start(properties, clock)) {
            RelayClient client = relay.client();
            await("retention's first pass").until(() -> client.health().get("retention_passes").asLong() >= 1);
            assertThat(held).as("held 31 days").doesNotExist();
        }
    }

    private static JsonNode awaitInboxSmallerThan(RelayClient client, int size) throws Exception {
        return await("retention deleting files").atMost(Duration.ofSeconds(20))
                .until(() -> client.inbox(HOME_HELP).json(), inbox -> inbox.get("files").size() < size);
    }

    private List<Path> segments() throws Exception {
        try (Stream<Path> files = Files.list(folder.resolve("relay").resolve("journal"))) {
            return files.filter(file -> file.getFileName().toString().startsWith("journal.log")).sorted().toList();
        }
    }
}
