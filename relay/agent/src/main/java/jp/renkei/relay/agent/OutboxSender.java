package jp.renkei.relay.agent;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import jp.renkei.relay.pki.OfficeCredentials;

/**
 * Uploads a whole outbox, which may hold the files of several sender offices (the demo's does): groups the files by
 * the sender office in their names ({@link Outbox}), and uploads each group with that office's credentials
 * ({@link OutboxUploader}), offices in parallel, each office's files one after the other in send-unit order.
 * Every office's credentials are looked up before anything is sent, so a missing one stops the run before it starts.
 */
public final class OutboxSender {
    private static final int MISSING_NAMED = 10;

    private final URI relay;
    private final Path relayCertificate;
    private final AgentCredentials credentials;
    private final Path sentRoot;
    private final Path rejectedRoot;
    private final Duration firstBackOff;
    private final Map<String, Uploader> uploaders = new ConcurrentHashMap<>();
    private final int keptClients;

    /**
     * An office's TLS client is kept between passes only while a run has at most this many sending offices. Each
     * client holds a socket, a selector and its thread: a run for the whole demo nation (14,664 offices) kept them all
     * and ran out of file descriptors; one office's agent, or a few, keep theirs.
     */
    static final int DEFAULT_KEPT_CLIENTS = 32;

    public OutboxSender(URI relay, Path relayCertificate, AgentCredentials credentials, Path sentRoot, Path rejectedRoot) {
        this(relay, relayCertificate, credentials, sentRoot, rejectedRoot, null);
    }

    /** With a shorter first back-off (null: the production one), for tests of an unreachable relay. */
    OutboxSender(URI relay, Path relayCertificate, AgentCredentials credentials, Path sentRoot, Path rejectedRoot,
            Duration firstBackOff) {
        this(relay, relayCertificate, credentials, sentRoot, rejectedRoot, firstBackOff, DEFAULT_KEPT_CLIENTS);
    }

    OutboxSender(URI relay, Path relayCertificate, AgentCredentials credentials, Path sentRoot, Path rejectedRoot,
            Duration firstBackOff, int keptClients) {
        this.keptClients = keptClients;
        this.relay = relay;
        this.relayCertificate = relayCertificate;
        this.credentials = credentials;
        this.sentRoot = sentRoot;
        this.rejectedRoot = rejectedRoot;
        this.firstBackOff = firstBackOff;
    }

    /**
     * Uploads every file under the outbox and returns how many ended in each outcome. A refused office certificate
     * stops the run (the other offices finish the file they are sending) with an {@link IOException} saying which.
     */
    public Map<UploadOutcome, Integer> uploadAll(Path outbox, int parallelOffices, Consumer<String> progress)
            throws IOException, InterruptedException {
        return upload(outbox, Outbox.scan(outbox), parallelOffices, progress, Sleeper.REAL);
    }

    /**
     * Uploads {@code files} of {@code outbox} (a watching agent's pass: those that have settled). An office whose
     * file was not sent (relay down or busy after every retry) sends no later file in this run, so no send unit
     * overtakes another: those files count as not sent and stay in the outbox. Once {@code sleeper} is stopping, no
     * further file is started; the files left are not counted.
     */
    Map<UploadOutcome, Integer> upload(Path outbox, Outbox files, int parallelOffices, Consumer<String> progress,
            Sleeper sleeper) throws IOException, InterruptedException {
        Map<String, OfficeCredentials> senders = credentialsOf(files, outbox);
        senders.forEach((office, officeCredentials) -> uploaders.computeIfAbsent(office,
                key -> new Uploader(officeCredentials, sleeper)));
        Map<UploadOutcome, AtomicInteger> counts = new EnumMap<>(UploadOutcome.class);
        for (UploadOutcome outcome : UploadOutcome.values()) {
            counts.put(outcome, new AtomicInteger());
        }
        AtomicInteger done = new AtomicInteger();
        int total = files.fileCount();
        OutboxFolders folders = new OutboxFolders(sentRoot, rejectedRoot);
        for (Path file : files.notStandard()) {
            OutboxUploader.senderOrReject(folders, file, System.err::println);
            counts.get(UploadOutcome.REJECTED).incrementAndGet();
            progress.accept(done.incrementAndGet() + "/" + total + " files");
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelOffices, senders.size())));
        List<Future<?>> offices = new ArrayList<>();
        try {
            for (Map.Entry<String, List<Path>> group : files.bySender().entrySet()) {
                String office = group.getKey();
                offices.add(pool.submit(() -> {
                    OutboxUploader uploader = uploaders.get(office).forSleeper(sleeper);
                    boolean held = false;
                    for (Path file : group.getValue()) {
                        if (stop.get() || sleeper.stopping()) {
                            return null;
                        }
                        UploadOutcome outcome;
                        if (held) {
                            outcome = UploadOutcome.NOT_SENT;
                        } else {
                            try {
                                outcome = uploader.upload(file);
                            } catch (OutboxUploader.AgentRefusedException refused) {
                                // Credentials issued again are read on the next run or pass.
                                uploaders.remove(office);
                                stop.set(true);
                                throw refused;
                            }
                            held = outcome == UploadOutcome.NOT_SENT;
                        }
                        counts.get(outcome).incrementAndGet();
                        progress.accept(done.incrementAndGet() + "/" + total + " files");
                    }
                    if (senders.size() > keptClients) {
                        uploaders.get(office).release();
                    }
                    return null;
                }));
            }
            IOException first = null;
            for (Future<?> office : offices) {
                try {
                    office.get();
                } catch (ExecutionException failure) {
                    if (first == null) {
                        first = failure.getCause() instanceof IOException io ? io
                                : new IOException("upload failed: " + failure.getCause(), failure.getCause());
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
        Map<UploadOutcome, Integer> result = new EnumMap<>(UploadOutcome.class);
        counts.forEach((outcome, count) -> result.put(outcome, count.get()));
        return result;
    }

    /**
     * One office's uploader, kept across a watching agent's passes: loading its key (with a test signature) and
     * building its TLS client for every pass cost a key load and a handshake per office per second while files settle.
     */
    private final class Uploader {
        private final OfficeCredentials credentials;
        private OutboxUploader uploader;
        private Sleeper sleeper;

        Uploader(OfficeCredentials credentials, Sleeper sleeper) {
            this.credentials = credentials;
            this.sleeper = sleeper;
        }

        /** Drops the TLS client (its socket and selector go with it); the next run builds a new one. */
        synchronized void release() {
            uploader = null;
        }

        synchronized boolean hasClient() {
            return uploader != null;
        }

        /** Only this office's upload task calls it, one run at a time. */
        synchronized OutboxUploader forSleeper(Sleeper runSleeper) throws IOException, GeneralSecurityException {
            if (uploader == null || sleeper != runSleeper) {
                uploader = new OutboxUploader(relay, credentials, relayCertificate, sentRoot, rejectedRoot, firstBackOff,
                        runSleeper);
                sleeper = runSleeper;
            }
            return uploader;
        }
    }

    /** How many offices' TLS clients are kept for the next run. */
    int openClients() {
        return (int) uploaders.values().stream().filter(Uploader::hasClient).count();
    }

    /** Every sender's credentials, or one error naming all offices without any and the command that issues them. */
    private Map<String, OfficeCredentials> credentialsOf(Outbox files, Path outbox) throws IOException {
        Map<String, OfficeCredentials> found = new LinkedHashMap<>();
        List<AgentCredentials.MissingCredentialsException> missing = new ArrayList<>();
        for (String office : files.bySender().keySet()) {
            Uploader known = uploaders.get(office);
            if (known != null) {
                found.put(office, known.credentials);
                continue;
            }
            try {
                found.put(office, credentials.of(office));
            } catch (AgentCredentials.MissingCredentialsException none) {
                missing.add(none);
            }
        }
        if (missing.size() == 1) {
            throw new IOException(missing.get(0).getMessage() + "; nothing was sent", missing.get(0));
        }
        if (!missing.isEmpty()) {
            List<String> named = missing.stream().limit(MISSING_NAMED).map(AgentCredentials.MissingCredentialsException::office)
                    .toList();
            throw new IOException(missing.size() + " sender offices in " + outbox + " have no credentials ("
                    + String.join(", ", named) + (missing.size() > MISSING_NAMED ? ", …" : "") + "; e.g. "
                    + missing.get(0).getMessage() + "). Issue them all with `renkei-relay ca issue --senders-in "
                    + outbox + "`; nothing was sent", missing.get(0));
        }
        return found;
    }
}
