package jp.renkei.relay.server;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.relay.bench.RelayProcess;
import jp.renkei.relay.testing.LandingFolder;
import jp.renkei.relay.testing.RelayClient.Reply;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means durable: a relay killed with SIGKILL before it landed anything loses no acknowledged file,
 * because the next start replays its journal. The first relay runs as its own process ({@code renkei-relay serve}),
 * so that the kill is a real one: no shutdown hook, no final flush.
 */
class RelayCrashRecoveryTest {
    private static final int FILES = 5;

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedFileLandsOnceDeDuplicatedAfterTheRelayIsKilledAndRestarted() throws Exception {
        RelayHome home = RelayHome.create(folder, CARE_MANAGER, HOME_HELP);
        Properties neverFlush = new Properties();
        neverFlush.setProperty("relay.landing.flush-interval-millis", Long.toString(Duration.ofDays(1).toMillis()));
        neverFlush.setProperty("relay.landing.flush-rows", "100_000_000");
        try (Writer writer = Files.newBufferedWriter(home.root().resolve("relay.properties"), StandardCharsets.UTF_8)) {
            neverFlush.store(writer, "land only on a clean stop");
        }
        Set<String> acknowledged = new LinkedHashSet<>();

        RelayProcess relayProcess = RelayProcess.start(home.root(), folder.resolve("relay-process.log"));
        try {
            RelayClient client = RelayClient.connect(home.config(neverFlush), relayProcess.port());
            for (int i = 0; i < FILES; i++) {
                acknowledged.add(uploadAcknowledged(client, i, i + 1));
            }
        } finally {
            relayProcess.kill();
        }
        assertThat(LandingFolder.everyFile(home.landing())).as("landed before the kill").isEmpty();

        try (RunningRelay restarted = home.start(neverFlush, Clock.systemUTC())) {
            RelayClient client = restarted.client();
            assertThat(client.health().get("journal_sequence").asLong()).isEqualTo(FILES);
            client.awaitProcessed(FILES);
            acknowledged.add(uploadAcknowledged(client, FILES, FILES + 1));
            client.awaitProcessed(FILES + 1);
            assertThat(client.inbox(HOME_HELP).json().get("files")).as("the addressee's inbox after the crash")
                    .hasSize(FILES + 1);
        }

        List<String> landed = new ArrayList<>();
        for (Map<String, String> row : LandingFolder.rows(home.landing(), LandingDataset.EXCHANGES)) {
            landed.add(row.get("message_id"));
        }
        assertThat(landed).as("every acknowledged message landed at least once").containsAll(acknowledged);
        assertThat(Set.copyOf(landed)).as("landed messages, de-duplicated").isEqualTo(acknowledged).hasSize(FILES + 1);
        assertThat(home.relay().resolve("landing.checkpoint")).hasContent(Integer.toString(FILES + 1));
    }

    /** Uploads file {@code index} and returns its message id after checking the acknowledgement. */
    private static String uploadAcknowledged(RelayClient client, int index, long expectedSequence) throws Exception {
        String name = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusMinutes(index));
        Reply reply = client.upload(CARE_MANAGER, name, ScheduleFiles.plan(HOME_HELP, String.format("20000000%02d", index)));
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        assertThat(reply.json().get("sequence").asLong()).isEqualTo(expectedSequence);
        return reply.json().get("message_id").asText();
    }
}
