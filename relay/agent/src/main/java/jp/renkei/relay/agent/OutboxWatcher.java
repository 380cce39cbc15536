package jp.renkei.relay.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code send --watch}: keeps uploading an outbox. Every poll, or sooner when a file event says something arrived,
 * one pass uploads ({@link OutboxSender}) the files that have settled ({@link SettledFiles}: unchanged for
 * {@link #QUIET} by the agent's own looks), so a file the care software is still writing is not sent half-written.
 * While the relay is down or busy a file is retried with back-off and then kept for the next pass, never moved to
 * {@code rejected/}. A failure that stops a one-pass run (a refused certificate, missing credentials) is reported
 * once and the outbox kept: the next passes retry, so fixing it does not need a restart.
 */
public final class OutboxWatcher {
    /** How long a file must stay unchanged before it is sent. */
    public static final Duration QUIET = Duration.ofSeconds(1);

    private final OutboxSender sender;
    private final Path outbox;
    private final int parallelOffices;
    private final AgentLoop loop;
    private final SettledFiles settled;
    private final Consumer<String> progress;
    private final Consumer<String> problems;
    private final Map<UploadOutcome, Integer> totals = new EnumMap<>(UploadOutcome.class);
    private String failing;
    private boolean held;

    /**
     * @param progress one line per pass that sent, refused or (first) could not send something
     * @param problems what stops files from going (once per cause) and what the agent cannot do
     */
    public OutboxWatcher(OutboxSender sender, Path outbox, int parallelOffices, Duration poll, Consumer<String> progress,
            Consumer<String> problems) {
        this(sender, outbox, parallelOffices, poll, Clock.systemUTC(), QUIET, progress, problems);
    }

    /** With the clock and quiet period of a test. */
    OutboxWatcher(OutboxSender sender, Path outbox, int parallelOffices, Duration poll, Clock clock, Duration quiet,
            Consumer<String> progress, Consumer<String> problems) {
        this.sender = sender;
        this.outbox = outbox;
        this.parallelOffices = parallelOffices;
        this.loop = new AgentLoop(poll, quiet);
        this.settled = new SettledFiles(clock, quiet);
        this.progress = progress;
        this.problems = problems;
        for (UploadOutcome outcome : UploadOutcome.values()) {
            totals.put(outcome, 0);
        }
    }

    /** The loop: {@link AgentLoop#stop} ends {@link #run} after the file in flight. */
    public AgentLoop loop() {
        return loop;
    }

    /** Watches until the loop is stopped. */
    public void run() throws InterruptedException {
        try (FileEvents events = FileEvents.watch(outbox, loop::wake, problems)) {
            loop.run(this::pass);
        } catch (IOException closing) {
            problems.accept("agent: could not stop watching " + outbox + ": " + closing);
        }
    }

    /** Watches until SIGTERM or Ctrl-C, then prints {@link #summary} on {@code progress}. */
    public void runUntilShutdown() throws InterruptedException {
        try (FileEvents events = FileEvents.watch(outbox, loop::wake, problems)) {
            loop.runUntilShutdown(this::pass, () -> progress.accept(summary()), Duration.ofMinutes(2));
        } catch (IOException closing) {
            problems.accept("agent: could not stop watching " + outbox + ": " + closing);
        }
    }

    /** How many files ended in each outcome over all passes so far. */
    public synchronized Map<UploadOutcome, Integer> totals() {
        return new EnumMap<>(totals);
    }

    /** One line: passes, outcomes, files in the outbox now. */
    public synchronized String summary() {
        String left;
        try {
            left = String.format("%,d", Outbox.scan(outbox).fileCount());
        } catch (IOException unreadable) {
            left = "?";
        }
        return String.format("agent: stopped after %,d passes: %,d sent, %,d duplicates, %,d rejected; %s file(s) left "
                + "in %s", loop.passes(), totals.get(UploadOutcome.ACKNOWLEDGED), totals.get(UploadOutcome.DUPLICATE),
                totals.get(UploadOutcome.REJECTED), left, outbox);
    }

    private boolean pass() throws InterruptedException {
        Outbox all;
        try {
            all = Outbox.scan(outbox);
        } catch (IOException unreadable) {
            failing("agent: cannot read the outbox " + outbox + ": " + unreadable);
            return false;
        }
        List<Path> present = new ArrayList<>(all.notStandard());
        all.bySender().values().forEach(present::addAll);
        settled.retainOnly(present);
        Set<Path> ready = new HashSet<>();
        for (Path file : present) {
            try {
                if (settled.settled(file)) {
                    ready.add(file);
                }
            } catch (IOException unreadable) {
                // looked at again next pass
            }
        }
        if (!ready.isEmpty()) {
            upload(all.only(ready::contains));
        }
        return ready.size() < present.size();
    }

    private void upload(Outbox files) throws InterruptedException {
        Map<UploadOutcome, Integer> outcomes;
        try {
            outcomes = sender.upload(outbox, files, parallelOffices, status -> { }, loop);
        } catch (IOException stopped) {
            failing("agent: " + stopped.getMessage() + " — still watching; the next pass tries again");
            return;
        }
        if (failing != null) {
            problems.accept("agent: uploading again after: " + failing);
            failing = null;
        }
        int done = outcomes.get(UploadOutcome.ACKNOWLEDGED) + outcomes.get(UploadOutcome.DUPLICATE)
                + outcomes.get(UploadOutcome.REJECTED);
        int notSent = outcomes.get(UploadOutcome.NOT_SENT);
        synchronized (this) {
            outcomes.forEach((outcome, count) -> totals.merge(outcome, count, Integer::sum));
        }
        if (done > 0 || (notSent > 0 && !held)) {
            progress.accept(String.format("agent: %,d sent, %,d duplicates, %,d rejected, %,d not sent (kept for the next "
                    + "pass)", outcomes.get(UploadOutcome.ACKNOWLEDGED), outcomes.get(UploadOutcome.DUPLICATE),
                    outcomes.get(UploadOutcome.REJECTED), notSent));
        }
        held = notSent > 0;
    }

    /** Reports a failure that stops every file once, not on every pass while it lasts. */
    private void failing(String message) {
        if (!message.equals(failing)) {
            problems.accept(message);
        }
        failing = message;
    }
}
