package jp.renkei.analytics.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.renkei.analytics.io.MartWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Publishes marts under {@code <martsRoot>/<mart>/} as docs/marts.md describes. All marts of a run are written
 * first; only when every write succeeded is each {@code _CURRENT} replaced (temp file in the same folder, fsync,
 * atomic rename). A failed write deletes this run's folders and leaves every {@code _CURRENT} as it was.
 * Afterwards the newest {@code keepRuns} run folders are kept (and always the current one); older ones are deleted.
 * Works on a local or mounted file system; see docs/analytics.md for object stores.
 */
public final class MartPublisher {

    public static final String CURRENT = "_CURRENT";
    public static final String RUN_PREFIX = "run=";

    private final Path martsRoot;
    private final int keepRuns;

    public MartPublisher(Path martsRoot, int keepRuns) {
        if (keepRuns < 1) {
            throw new IllegalArgumentException("keepRuns must be at least 1");
        }
        this.martsRoot = martsRoot;
        this.keepRuns = keepRuns;
    }

    /** A mart to publish: its frame and the columns its single file is sorted by. */
    public record Mart(Dataset<Row> frame, List<String> sortColumns) {
    }

    /**
     * Writes every mart, then the run's manifest, then switches every {@code _CURRENT} and prunes; returns the run
     * folder of each mart.
     */
    public Map<String, Path> publish(String runId, Map<String, Mart> marts, RunManifest manifest) {
        if (!RunId.isValid(runId)) {
            throw new IllegalArgumentException("not a run id: " + runId);
        }
        Map<String, Path> written = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Mart> mart : marts.entrySet()) {
                Path folder = runFolder(mart.getKey(), runId);
                if (Files.exists(folder)) {
                    throw new IllegalStateException("run folder exists already: " + folder);
                }
                written.put(mart.getKey(), folder);
                MartWriter.writeParquet(mart.getValue().frame(), mart.getValue().sortColumns(), folder);
            }
        } catch (RuntimeException e) {
            for (Path folder : written.values()) {
                try {
                    delete(folder);
                } catch (UncheckedIOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw new PublishException("ANA-PUB-001", "writing run " + runId + " failed; _CURRENT is unchanged: "
                    + e.getMessage(), e);
        }
        manifest.write(martsRoot);
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
        Path current = martsRoot.resolve(mart).resolve(CURRENT);
        if (!Files.exists(current)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(current, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run ids with a folder, oldest first. */
    public List<String> runs(String mart) {
        Path folder = martsRoot.resolve(mart);
        List<String> runs = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return runs;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder, RUN_PREFIX + "*")) {
            for (Path child : children) {
                if (Files.isDirectory(child)) {
                    runs.add(child.getFileName().toString().substring(RUN_PREFIX.length()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runs.sort(Comparator.naturalOrder());
        return runs;
    }

    public Path runFolder(String mart, String runId) {
        return martsRoot.resolve(mart).resolve(RUN_PREFIX + runId);
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
                            Files.deleteIfExists(martsRoot.resolve(done).resolve(CURRENT));
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
        Path folder = martsRoot.resolve(mart);
        Path temp = folder.resolve("." + CURRENT + "-" + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap((runId + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(temp, folder.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            jp.renkei.ingest.io.DurableFiles.forceFolder(folder);
        } catch (IOException e) {
            PublishException failure = new PublishException("ANA-PUB-002", "cannot replace "
                    + folder.resolve(CURRENT) + " with run " + runId + ": " + e.getMessage(), e);
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    private void prune(String mart) {
        List<String> runs = runs(mart);
        Optional<String> current = current(mart);
        int keepFrom = Math.max(0, runs.size() - keepRuns);
        for (String old : runs.subList(0, keepFrom)) {
            if (current.filter(old::equals).isEmpty()) {
                delete(runFolder(mart, old));
            }
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
