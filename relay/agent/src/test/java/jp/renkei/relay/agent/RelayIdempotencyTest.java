package jp.renkei.relay.agent;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.OTHER_CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.relay.agent.ClientMessageId;
import jp.renkei.relay.testing.LandingFolder;
import jp.renkei.relay.testing.RelayClient.Reply;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client message ids over real HTTPS: a repeat gets the first answer and delivers nothing again, across restarts. */
class RelayIdempotencyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00.123Z"), ZoneOffset.UTC);
    private static final String NAME = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT);
    private static final byte[] PLAN = ScheduleFiles.plan(HOME_HELP, "1234567890");
    private static final String CLIENT_ID = ClientMessageId.of(CARE_MANAGER, NAME, PLAN);

    @TempDir
    Path folder;

    private RelayHome home;
    private RunningRelay relay;

    @BeforeEach
    void startRelay() throws Exception {
        home = RelayHome.create(folder, CARE_MANAGER, HOME_HELP);
        relay = home.start(new Properties(), CLOCK);
    }

    @AfterEach
    void stopRelay() throws Exception {
        relay.close();
    }

    @Test
    void theClientMessageIdIsTheSameForTheSameOfficeNameAndBytesOnly() {
        assertThat(ClientMessageId.of(CARE_MANAGER, NAME, PLAN.clone())).isEqualTo(CLIENT_ID);
        assertThat(ClientMessageId.of(OTHER_CARE_MANAGER, NAME, PLAN)).isNotEqualTo(CLIENT_ID);
        assertThat(ClientMessageId.of(CARE_MANAGER, NAME + "X", PLAN)).isNotEqualTo(CLIENT_ID);
        assertThat(ClientMessageId.of(CARE_MANAGER, NAME, ScheduleFiles.plan(HOME_HELP, "1234567891")))
                .isNotEqualTo(CLIENT_ID);
    }

    @Test
    void aRepeatedIdIsAnsweredWithTheFirstAnswerAndDeliveredOnceEvenAfterARestart() throws Exception {
        Reply first = upload(relay.client(), CLIENT_ID, PLAN);
        Reply repeat = upload(relay.client(), CLIENT_ID, PLAN);

        assertThat(first.status()).as(first.text()).isEqualTo(202);
        assertThat(first.json().get("duplicate").asBoolean()).isFalse();
        assertThat(repeat.status()).as(repeat.text()).isEqualTo(200);
        assertSameAnswer(repeat.json(), first.json());
        assertThat(repeat.json().get("duplicate").asBoolean()).isTrue();
        assertThat(relay.client().health().get("journal_sequence").asLong()).isEqualTo(1);

        relay.close();
        try (RunningRelay restarted = home.start(new Properties(), CLOCK)) {
            Reply afterRestart = upload(restarted.client(), CLIENT_ID, PLAN);
            assertThat(afterRestart.status()).as(afterRestart.text()).isEqualTo(200);
            assertSameAnswer(afterRestart.json(), first.json());
            assertThat(restarted.client().health().get("journal_sequence").asLong()).isEqualTo(1);
        }
        assertThat(LandingFolder.rows(home.landing(), LandingDataset.EXCHANGES)).extracting(row -> row.get("message_id"))
                .containsExactly(first.json().get("message_id").asText());
    }

    @Test
    void theSameIdWithOtherContentIsRefusedWithTheFirstMessageNamed() throws Exception {
        Reply first = upload(relay.client(), CLIENT_ID, PLAN);
        Reply other = upload(relay.client(), CLIENT_ID, ScheduleFiles.plan(HOME_HELP, "1234567891"));

        assertThat(other.status()).as(other.text()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("RELAY-IDEMPOTENCY-001");
        assertThat(other.json().get("message_id").asText()).isEqualTo(first.json().get("message_id").asText());
        assertThat(relay.client().health().get("journal_sequence").asLong()).isEqualTo(1);
    }

    @Test
    void anIdIsPerOfficeAndUploadsWithoutAnIdAreEachNewMessages() throws Exception {
        String otherName = ScheduleFiles.name(OTHER_CARE_MANAGER, HOME_HELP, SENT_AT);
        Reply mine = upload(relay.client(), CLIENT_ID, PLAN);
        Reply theirs = relay.client().upload(OTHER_CARE_MANAGER, otherName, PLAN, withId(CLIENT_ID));
        Reply noId1 = relay.client().upload(CARE_MANAGER, NAME, PLAN);
        Reply noId2 = relay.client().upload(CARE_MANAGER, NAME, PLAN);

        assertThat(List.of(mine, theirs, noId1, noId2)).extracting(Reply::status).containsOnly(202);
        assertThat(List.of(mine, theirs, noId1, noId2)).extracting(reply -> reply.json().get("message_id").asText())
                .doesNotHaveDuplicates();
    }

    @Test
    void anIdThatIsNotACanonicalUuidIsRefused() throws Exception {
        Reply reply = upload(relay.client(), CLIENT_ID.toUpperCase(), PLAN);

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("RELAY-IDEMPOTENCY-002");
        assertThat(relay.client().health().get("journal_sequence").asLong()).isZero();
    }

    @Test
    void concurrentRepeatsOfOneIdAreJournaledOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Reply>> uploads = IntStream.range(0, 8)
                    .<Callable<Reply>>mapToObj(i -> () -> upload(relay.client(), CLIENT_ID, PLAN)).toList();
            List<Reply> replies = pool.invokeAll(uploads).stream().map(RelayIdempotencyTest::result).toList();

            assertThat(replies).extracting(Reply::status).containsOnlyOnce(202).containsOnly(200, 202);
            assertThat(replies).extracting(reply -> reply.json().get("message_id").asText()).containsOnly(
                    replies.get(0).json().get("message_id").asText());
            assertThat(relay.client().health().get("journal_sequence").asLong()).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    private static Reply result(Future<Reply> future) {
        try {
            return future.get();
        } catch (Exception failure) {
            throw new AssertionError(failure);
        }
    }

    private static Reply upload(RelayClient client, String clientId, byte[] content) throws Exception {
        return client.upload(CARE_MANAGER, NAME, content, withId(clientId));
    }

    private static Map<String, String> withId(String clientId) {
        return Map.of("X-Renkei-Message-Id", clientId);
    }

    private static void assertSameAnswer(JsonNode repeat, JsonNode first) {
        for (String field : List.of("message_id", "sha256", "sequence", "status")) {
            assertThat(repeat.get(field)).as(field).isEqualTo(first.get(field));
        }
    }
}
