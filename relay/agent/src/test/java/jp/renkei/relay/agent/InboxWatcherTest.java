package jp.renkei.relay.agent;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.renkei.relay.pki.PkiLayout;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code receive --watch} against a real relay. */
class InboxWatcherTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private RunningRelay relay;
    private RelayClient client;
    private Path inbox;
    private InboxWatcher watcher;
    private Future<?> running;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        RelayHome home = RelayHome.create(folder.resolve("home"), CARE_MANAGER, HOME_HELP);
        relay = home.start(new Properties(), Clock.systemUTC());
        client = relay.client();
        inbox = folder.resolve("office").resolve("inbox");
        InboxReceiver receiver = new InboxReceiver(client.base(), client.credentials(HOME_HELP), client.relayCertificate(),
                InboxReceiver.signerVerifier(PkiLayout.agentFolder(home.root(), HOME_HELP), null));
        watcher = new InboxWatcher(receiver, inbox, InboxReceiver.defaultQuarantine(inbox), Duration.ofMillis(100),
                progress::add, problems::add);
        running = background.submit(() -> {
            watcher.run();
            return null;
        });
    }

    @AfterEach
    void stop() throws Exception {
        try {
            watcher.loop().stop();
            assertThat(watcher.loop().awaitFinished(LIMIT)).isTrue();
            running.get();
        } finally {
            background.shutdownNow();
            relay.close();
        }
    }

    @Test
    void aFileUploadedAfterTheStartIsStoredAndAcknowledged() throws Exception {
        assertThat(watcher.loop().awaitPasses(2, LIMIT)).isTrue();
        assertThat(progress).as("idle passes say nothing").isEmpty();
        String name = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT);
        byte[] plan = ScheduleFiles.plan(HOME_HELP, "1000000001");
        RelayClient.Reply reply = client.upload(CARE_MANAGER, name, plan);
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);

        await(name + " received").atMost(LIMIT).until(() -> Files.exists(inbox.resolve(name)));
        watcher.loop().awaitPasses(watcher.loop().passes() + 1, LIMIT);

        assertThat(inbox.resolve(name)).hasBinaryContent(plan);
        assertThat((Iterable<JsonNode>) client.inbox(HOME_HELP).json().get("files")).as("acknowledged").isEmpty();
        assertThat(progress).containsExactly("agent: 1 downloaded, 0 already present, 1 acknowledged, 0 quarantined");
        assertThat(problems).isEmpty();
    }

    @Test
    void whileTheRelayIsDownItSaysSoOnceAndKeepsPolling() throws Exception {
        assertThat(watcher.loop().awaitPasses(1, LIMIT)).isTrue();
        relay.close();
        long after = watcher.loop().passes();
        assertThat(watcher.loop().awaitPasses(after + 3, LIMIT)).as("still polling").isTrue();

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).contains("could not receive").contains("still polling");
    }
}
