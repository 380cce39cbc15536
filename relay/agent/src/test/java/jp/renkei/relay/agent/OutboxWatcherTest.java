package jp.renkei.relay.agent;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.testing.MutableClock;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code send --watch} against a real relay: files that arrive later, files still being written, a relay restart. */
class OutboxWatcherTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private RelayHome home;
    private RunningRelay relay;
    private RelayClient client;
    private Path outbox;
    private Path sent;
    private Path rejected;
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private OutboxWatcher watcher;
    private Future<?> running;

    @BeforeEach
    void startRelay() throws Exception {
        home = RelayHome.create(folder.resolve("home"), HOME_HELP);
        relay = home.start(new Properties(), Clock.systemUTC());
        client = relay.client();
        outbox = folder.resolve("agent").resolve("outbox");
        sent = folder.resolve("agent").resolve("sent");
        rejected = folder.resolve("agent").resolve("rejected");
        Files.createDirectories(outbox);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (watcher != null) {
                watcher.loop().stop();
                assertThat(watcher.loop().awaitFinished(LIMIT)).as("the watcher stops after the file in flight").isTrue();
                running.get();
            }
        } finally {
            background.shutdownNow();
            relay.close();
        }
    }

    @Test
    void filesDroppedAfterTheStartAreEachSentOnce() throws Exception {
        OfficeCredentials careManager = client.credentials(CARE_MANAGER);
        start(new OutboxSender(client.base(), client.relayCertificate(), AgentCredentials.only(careManager), sent,
                rejected), Clock.systemUTC(), Duration.ofMillis(200));
        assertThat(watcher.loop().awaitPasses(1, LIMIT)).isTrue();

        String first = writeOutboxFile(SENT_AT, ScheduleFiles.plan(HOME_HELP, "1000000001"));
        awaitUntil(() -> Files.exists(sent.resolve(CARE_MANAGER).resolve(first)), first + " in sent/");
        String second = writeOutboxFile(SENT_AT.plusMinutes(1), ScheduleFiles.plan(HOME_HELP, "1000000002"));
        awaitUntil(() -> Files.exists(sent.resolve(CARE_MANAGER).resolve(second)), second + " in sent/");
        stopWatcher();

        assertThat(watcher.totals()).containsEntry(UploadOutcome.ACKNOWLEDGED, 2).containsEntry(UploadOutcome.DUPLICATE, 0)
                .containsEntry(UploadOutcome.REJECTED, 0).containsEntry(UploadOutcome.NOT_SENT, 0);
        assertThat(progress).as("one line per pass that sent something").hasSize(2)
                .allMatch(line -> line.startsWith("agent: 1 sent, 0 duplicates, 0 rejected"));
        assertThat(watcher.summary()).contains("2 sent").contains("0 file(s) left");
        assertThat(client.health().get("journal_sequence").asLong()).as("each file journaled once").isEqualTo(2);
        client.awaitProcessed(2);
        assertThat(inboxOf(HOME_HELP)).containsExactlyInAnyOrder(first, second);
        assertThat(problems).isEmpty();
    }

    @Test
    void aFileStillBeingWrittenIsNotSentUntilItHasBeenUnchangedForTheQuietPeriod() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-05T00:30:00Z"));
        start(new OutboxSender(client.base(), client.relayCertificate(),
                AgentCredentials.only(client.credentials(CARE_MANAGER)), sent, rejected), clock, Duration.ofSeconds(1));
        byte[] plan = ScheduleFiles.plan(HOME_HELP, "1000000001", "1000000002", "1000000003", "1000000004");
        int quarter = plan.length / 4;
        String name = writeOutboxFile(SENT_AT, Arrays.copyOfRange(plan, 0, quarter));
        Path file = outbox.resolve(CARE_MANAGER).resolve(name);
        awaitMorePasses();
        for (int part = 1; part < 4; part++) {
            // Each step is shorter than the quiet second, though together they are longer.
            Files.write(file, Arrays.copyOfRange(plan, part * quarter, part == 3 ? plan.length : (part + 1) * quarter),
                    StandardOpenOption.APPEND);
            clock.advance(Duration.ofMillis(600));
            awaitMorePasses();
            assertThat(file).as("still being written after part %d", part + 1).exists();
        }
        assertThat(sent).doesNotExist();
        assertThat(client.health().get("journal_sequence").asLong()).isZero();

        clock.advance(Duration.ofSeconds(1));
        awaitUntil(() -> Files.exists(sent.resolve(CARE_MANAGER).resolve(name)), name + " in sent/");

        client.awaitProcessed(1);
        assertThat(client.download(HOME_HELP, name).body()).as("the whole file, not a part").isEqualTo(plan);
        assertThat(client.health().get("journal_sequence").asLong()).isEqualTo(1);
        assertThat(rejected).doesNotExist();
    }

    @Test
    void aFileDroppedWhileTheRelayIsDownIsKeptAndSentOnceAfterTheRestart() throws Exception {
        OfficeCredentials careManager = client.credentials(CARE_MANAGER);
        int port = relay.port();
        start(new OutboxSender(client.base(), client.relayCertificate(), AgentCredentials.only(careManager), sent,
                rejected, Duration.ofMillis(20)), Clock.systemUTC(), Duration.ofMillis(100));
        relay.close();

        String name = writeOutboxFile(SENT_AT, ScheduleFiles.plan(HOME_HELP, "1000000001"));
        awaitUntil(() -> watcher.totals().get(UploadOutcome.NOT_SENT) >= 2, "two passes that could not send");
        assertThat(outbox.resolve(CARE_MANAGER).resolve(name)).as("kept in the outbox while the relay is down").exists();
        assertThat(rejected).doesNotExist();

        relay = RunningRelay.start(home.config(new Properties()).withPort(port), RelayHome.PSEUDONYM_KEY,
                Clock.systemUTC());
        client = relay.client();
        awaitUntil(() -> Files.exists(sent.resolve(CARE_MANAGER).resolve(name)), name + " in sent/ after the restart");

        assertThat(rejected).doesNotExist();
        assertThat(client.health().get("journal_sequence").asLong()).as("journaled once").isEqualTo(1);
        client.awaitProcessed(1);
        assertThat(inboxOf(HOME_HELP)).containsExactly(name);
        assertThat(progress).as("the outage is reported once, then the file").hasSize(2);
        assertThat(progress.get(0)).contains("1 not sent");
        assertThat(progress.get(1)).startsWith("agent: 1 sent");
    }

    private void start(OutboxSender sender, Clock clock, Duration quiet) {
        watcher = new OutboxWatcher(sender, outbox, 2, Duration.ofMillis(100), clock, quiet, progress::add, problems::add);
        running = background.submit(() -> {
            watcher.run();
            return null;
        });
    }

    private void stopWatcher() throws Exception {
        watcher.loop().stop();
        assertThat(watcher.loop().awaitFinished(LIMIT)).isTrue();
        running.get();
    }

    /** Waits for two more passes, so that one whole pass began after what the test just did. */
    private void awaitMorePasses() throws InterruptedException {
        assertThat(watcher.loop().awaitPasses(watcher.loop().passes() + 2, LIMIT)).as("two more passes").isTrue();
    }

    private void awaitUntil(BooleanSupplier condition, String what) {
        await(what).atMost(LIMIT).until(condition::getAsBoolean);
    }

    private String writeOutboxFile(java.time.LocalDateTime sentAt, byte[] content) throws Exception {
        String name = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, sentAt);
        Files.write(Files.createDirectories(outbox.resolve(CARE_MANAGER)).resolve(name), content);
        return name;
    }

    private List<String> inboxOf(String office) throws Exception {
        List<String> names = new ArrayList<>();
        client.inbox(office).json().get("files").forEach(name -> names.add(name.asText()));
        return names;
    }
}
