package jp.renkei.relay.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * {@code receive --watch}: one {@link InboxReceiver} pass every poll (download, check, store, acknowledge). A pass
 * that fails (relay down or restarting, an error answer) is reported once, when the failures start, and once more
 * when a pass succeeds again; the watcher keeps polling meanwhile. What a failed pass had not yet acknowledged is
 * offered again by the relay, and a file already stored is only acknowledged.
 */
public final class InboxWatcher {
    private final InboxReceiver receiver;
    private final Path folder;
    private final Path quarantine;
    private final AgentLoop loop;
    private final Consumer<String> progress;
    private final Consumer<String> problems;
    private int downloaded;
    private int acknowledged;
    private int failedPasses;
    private int quarantinedLastPass;

    /**
     * @param progress one line per pass that stored or acknowledged something, or quarantined other files than the
     *                 last (a quarantined file is offered again every pass)
     * @param problems the start and the end of a run of failed passes
     */
    public InboxWatcher(InboxReceiver receiver, Path folder, Path quarantine, Duration poll, Consumer<String> progress,
            Consumer<String> problems) {
        this.receiver = receiver;
        this.folder = folder;
        this.quarantine = quarantine;
        this.loop = new AgentLoop(poll, poll);
        this.progress = progress;
        this.problems = problems;
    }

    /** The loop: {@link AgentLoop#stop} ends {@link #run} after the file in flight. */
    public AgentLoop loop() {
        return loop;
    }

    /** Polls until the loop is stopped. */
    public void run() throws InterruptedException {
        loop.run(this::pass);
    }

    /** Polls until SIGTERM or Ctrl-C, then prints {@link #summary} on {@code progress}. */
    public void runUntilShutdown() throws InterruptedException {
        loop.runUntilShutdown(this::pass, () -> progress.accept(summary()), Duration.ofMinutes(2));
    }

    public synchronized String summary() {
        return String.format("agent: stopped after %,d passes: %,d downloaded, %,d acknowledged into %s; %,d file(s) "
                + "quarantined at the last pass", loop.passes(), downloaded, acknowledged, folder, quarantinedLastPass);
    }

    private boolean pass() throws InterruptedException {
        InboxReceiver.Result result;
        try {
            result = receiver.receiveAll(folder, quarantine, loop);
        } catch (IOException failed) {
            if (failedPasses++ == 0) {
                problems.accept("agent: could not receive (" + failed + "); still polling, the relay keeps the files");
            }
            return false;
        }
        if (failedPasses > 0) {
            problems.accept("agent: receiving again after " + failedPasses + " failed pass(es)");
            failedPasses = 0;
        }
        synchronized (this) {
            downloaded += result.downloaded();
            acknowledged += result.acknowledged();
        }
        boolean quarantineChanged;
        synchronized (this) {
            quarantineChanged = result.quarantined() != quarantinedLastPass;
            quarantinedLastPass = result.quarantined();
        }
        if (result.acknowledged() > 0 || quarantineChanged) {
            progress.accept(String.format("agent: %,d downloaded, %,d already present, %,d acknowledged, %,d quarantined",
                    result.downloaded(), result.alreadyPresent(), result.acknowledged(), result.quarantined()));
        }
        return false;
    }
}
