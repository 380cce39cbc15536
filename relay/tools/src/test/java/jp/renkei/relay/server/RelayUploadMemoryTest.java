package jp.renkei.relay.server;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.renkei.relay.bench.RelayProcess;
import jp.renkei.relay.testing.RelayClient.Reply;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certified office that sends the largest bodies the relay takes, made of the shortest lines, six at a time, to a
 * relay process with a small heap: before the upload memory budget, each parse took about 50 times its body and the
 * uploads died with OutOfMemoryError (once taking the journal writer with them). Now each is refused before it is
 * parsed, and honest uploads go on being acknowledged.
 */
class RelayUploadMemoryTest {
    private static final int PARALLEL_JUNK_UPLOADS = 6;

    @TempDir
    Path folder;

    @Test
    void parallelMaximumSizeUploadsOfShortLinesAreRefusedBeforeTheyAreParsedAndTheRelayStaysUp() throws Exception {
        RelayHome home = RelayHome.create(folder, CARE_MANAGER, HOME_HELP);
        byte[] junk = new byte[(int) RelayConfig.DEFAULT_MAXIMUM_FILE_BYTES];
        for (int i = 0; i + 1 < junk.length; i += 2) {
            junk[i] = '1';
            junk[i + 1] = '\n';
        }
        try (RelayProcess relay = RelayProcess.start(home.root(), folder.resolve("relay-process.log"))) {
            RelayClient client = RelayClient.connect(home.config(new Properties()), relay.port());
            ExecutorService attackers = Executors.newFixedThreadPool(PARALLEL_JUNK_UPLOADS);
            List<Future<Reply>> attacks = new ArrayList<>();
            try {
                for (int i = 0; i < PARALLEL_JUNK_UPLOADS; i++) {
                    String name = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusSeconds(i));
                    attacks.add(attackers.submit(() -> client.upload(CARE_MANAGER, name, junk)));
                }
                for (Future<Reply> attack : attacks) {
                    Reply reply = attack.get();
                    assertThat(reply.status()).as(reply.text()).isIn(413, 503);
                    assertThat(reply.code()).isIn("RELAY-SIZE-002", "RELAY-BUSY-002");
                }
            } finally {
                attackers.shutdownNow();
            }

            for (int i = 0; i < 3; i++) {
                String name = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusMinutes(1 + i));
                Reply honest = client.upload(CARE_MANAGER, name, ScheduleFiles.plan(HOME_HELP, "200000000" + i));
                assertThat(honest.status()).as(honest.text()).isEqualTo(202);
            }
            assertThat(client.health().get("status").asText()).isEqualTo("ok");
            assertThat(relay.isAlive()).isTrue();
            assertThat(relay.log()).doesNotContain("OutOfMemoryError");
        }
    }

    @Test
    void theEstimateCountsLinesAndFieldsNotOnlyBytes() {
        byte[] shortLines = "1\n".repeat(1_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] oneLongLine = ("x".repeat(1_999) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ParseFootprint.Estimate many = ParseFootprint.of(shortLines);
        ParseFootprint.Estimate one = ParseFootprint.of(oneLongLine);

        assertThat(shortLines.length).isEqualTo(oneLongLine.length);
        assertThat(many.lines()).isEqualTo(1_000);
        assertThat(one.lines()).isEqualTo(1);
        assertThat(many.bytes()).isGreaterThan(50 * one.bytes() / 10);
        assertThat(ParseFootprint.of(Arrays.copyOf(shortLines, 3)).lines()).as("an unterminated last line").isEqualTo(2);
    }
}
