package jp.renkei.analytics.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.analytics.io.JobStorage;
import jp.renkei.analytics.io.MartWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Publishes marts under {@code <martsRoot>/<mart>/} as docs/marts.md describes. All marts of a run are written
 * first; only when every write succeeded is each {@code _CURRENT} replaced, so that a reader sees the old or the new
 * one whole ({@link JobStorage#replace}). A failed write deletes this run's folders and leaves every {@code _CURRENT}
 * as it was. Afterwards the newest {@code keepRuns} run folders are kept (and always the current one); older ones are
 * deleted. The marts may be in a local folder or on any file system Hadoop reaches (docs/analytics.md, "Paths").
 */
public final class MartPublisher {

    public static final String CURRENT = "_CURRENT";
    public static final String RUN_PREFIX = "run=";

    private final URI martsRoot;
    private final JobStorage storage;
    private final int keepRuns;

    /** Marts in a local folder. */
    public MartPublisher(java.nio.file.Path martsRoot, int keepRuns) {
        this(martsRoot.toUri(), JobStorage.local(), keepRuns);
    }

    public MartPublisher(URI martsRoot, JobStorage storage, int keepRuns) {
        if (keepRuns < 1) {
            throw new IllegalArgumentException("keepRuns must be at least 1");
        }
        this.martsRoot = martsRoot;
        this.storage = storage;
        this.keepRuns = keepRuns;
    }

    /** A mart to publish: its frame and the columns its single file is sorted by. */
    public record Mart(Dataset<Row> frame, List<String> sortColumns) {
    }

    /**
     * Writes every mart, then the run's manifest, then switches every {@code _CURRENT} and prunes; returns the run
     * folder of each mart.
     */
    public Map<String, URI> publish(String runId, Map<String, Mart> marts, RunManifest manifest) {
        if (!RunId.isValid(runId)) {
            throw new IllegalArgumentException("not a run id: " + runId);
        }
        Map<String, URI> written = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Mart> mart : marts.entrySet()) {
                URI folder = runFolder(mart.getKey(), runId);
                if (storage.exists(folder)) {
                    throw new IllegalStateException("run folder exists already: " + folder);
                }
                written.put(mart.getKey(), folder);
                MartWriter.writeParquet(mart.getValue().frame(), mart.getValue().sortColumns(), folder);
            }
        } catch (RuntimeException e) {
            for (URI folder : written.values()) {
                try {
                    storage.deleteTree(folder);
                } catch (UncheckedIOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw new PublishException("ANA-PUB-001", "writing run " + runId + " failed; _CURRENT is unchanged: "
                    + e.getMessage(), e);
        }
        manifest.write(storage, martsRoot);
        switchAll(written.keySet(), runId);
        for (String mart : written.keySet()) {
            prune(mart);
        }
        return written;
    }

    /** The run every one of {@code marts} has as its {@code _CURRENT}; empty when one has none or they differ. */
    public Optional<String> commonCurrent(Iterable<String> marts) {
        String common = null;
        for (String mart : marts) {
            Optional<String> current = readableCurrent(mart);
            if (current.isEmpty() || (common != null && !common.equals(current.get()))) {
                return Optional.empty();
            }
            common = current.get();
        }
        return Optional.ofNullable(common);
    }

    /** The run {@code _CURRENT} names, if any. */
    public Optional<String> current(String mart) {
        try {
            return storage.readString(currentFile(mart)).map(String::strip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run ids with a folder, oldest first. */
    public List<String> runs(String mart) {
        List<String> runs = new ArrayList<>();
        for (String folder : storage.folders(JobStorage.child(martsRoot, mart), RUN_PREFIX)) {
            runs.add(folder.substring(RUN_PREFIX.length()));
        }
        runs.sort(Comparator.naturalOrder());
        return runs;
    }

    public URI runFolder(String mart, String runId) {
        return JobStorage.child(martsRoot, mart, RUN_PREFIX + runId);
    }

    private URI currentFile(String mart) {
        return JobStorage.child(martsRoot, mart, CURRENT);
    }

    /**
     * Points every mart's {@code _CURRENT} at the run; if one switch fails, the marts already switched go back to
     * their previous run, so the dashboard never mixes two runs.
     */
    private void switchAll(java.util.Collection<String> marts, String runId) {
        Map<String, Optional<String>> previous = new LinkedHashMap<>();
        for (String mart : marts) {
            previous.put(mart, readableCurrent(mart));
        }
        List<String> switched = new ArrayList<>();
        for (String mart : marts) {
            try {
                switchCurrent(mart, runId);
                switched.add(mart);
            } catch (PublishException failure) {
                for (String done : switched) {
                    try {
                        Optional<String> before = previous.get(done);
                        if (before.isPresent()) {
                            switchCurrent(done, before.get());
                        } else {
                            storage.delete(currentFile(done));
                        }
                    } catch (IOException | RuntimeException undo) {
                        failure.addSuppressed(undo);
                    }
                }
                throw failure;
            }
        }
    }

    /** The current run, or empty when there is none or it cannot be read (then there is nothing to go back to). */
    private Optional<String> readableCurrent(String mart) {
        try {
            return current(mart);
        } catch (UncheckedIOException unreadable) {
            return Optional.empty();
        }
    }

    private void switchCurrent(String mart, String runId) {
        try {
            storage.replace(currentFile(mart), (runId + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PublishException("ANA-PUB-002", "cannot replace " + currentFile(mart) + " with run " + runId
                    + ": " + e.getMessage(), e);
        }
    }

    private void prune(String mart) {
        List<String> runs = runs(mart);
        Optional<String> current = current(mart);
        int keepFrom = Math.max(0, runs.size() - keepRuns);
        for (String old : runs.subList(0, keepFrom)) {
            if (current.filter(old::equals).isEmpty()) {
                storage.deleteTree(runFolder(mart, old));
            }
        }
    }

}
