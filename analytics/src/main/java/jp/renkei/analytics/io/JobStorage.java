package jp.renkei.analytics.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.renkei.ingest.io.DurableFiles;
import jp.renkei.ingest.landing.LandingDataset;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * The job's own file operations on the landing zone and the marts — listing parts, reading and replacing the small
 * files that publish a run — on any file system Hadoop knows: a local folder ({@code file:}), {@code hdfs://},
 * {@code s3a://} (with hadoop-aws on the class path). Spark reads and writes the data itself.
 *
 * <p>A small file is replaced so that a reader sees the old one or the new one whole: locally a temporary file, fsync,
 * an atomic rename and an fsync of the folder (java.nio); on S3 one PUT of the whole object, which S3 makes visible
 * whole; elsewhere (HDFS) a temporary file renamed over the old one with {@link Options.Rename#OVERWRITE}, one atomic
 * step on HDFS.
 */
public final class JobStorage {
    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final String DT_PREFIX = LandingDataset.LANDING_DATE_PARTITION + "=";

    private final Configuration hadoop;

    /** @param hadoop the Hadoop settings to reach the file systems with (Spark's, so that the job sees what Spark sees) */
    public JobStorage(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /** For local folders only, outside a Spark session (tests, tools). */
    public static JobStorage local() {
        return new JobStorage(new Configuration());
    }

    /** {@code folder/name/…}, whatever the scheme; a folder URI may end in a slash or not. */
    public static URI child(URI folder, String... names) {
        Path path = new Path(folder);
        for (String name : names) {
            path = new Path(path, name);
        }
        return path.toUri();
    }

    /** One landing part: its partition's date, size and modification time. */
    public record Part(String dt, long bytes, Instant modified) {
    }

    /**
     * Every file matching {@code relativeGlob} under {@code datasetFolder} whose folder is {@code dt=YYYY-MM-DD}
     * ({@code dt=*}{@code /part-*.csv}, or {@code month=*}{@code /dt=*}{@code /part-*.csv} for a dataset partitioned by month);
     * none when the folder does not exist.
     */
    public List<Part> parts(URI datasetFolder, String relativeGlob) {
        try {
            Path pattern = new Path(new Path(datasetFolder), relativeGlob);
            FileStatus[] statuses = fileSystem(datasetFolder).globStatus(pattern);
            List<Part> parts = new ArrayList<>();
            for (FileStatus status : statuses == null ? new FileStatus[0] : statuses) {
                String folder = status.getPath().getParent().getName();
                String dt = folder.startsWith(DT_PREFIX) ? folder.substring(DT_PREFIX.length()) : "";
                if (status.isFile() && DAY.matcher(dt).matches()) {
                    parts.add(new Part(dt, status.getLen(), Instant.ofEpochMilli(status.getModificationTime())));
                }
            }
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the landing folder " + datasetFolder, e);
        }
    }

    public boolean exists(URI location) {
        try {
            return fileSystem(location).exists(new Path(location));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at " + location, e);
        }
    }

    /** The names of the folders in {@code folder} that start with {@code prefix}; none when it does not exist. */
    public List<String> folders(URI folder, String prefix) {
        try {
            FileStatus[] children = fileSystem(folder).listStatus(new Path(folder));
            return Arrays.stream(children).filter(FileStatus::isDirectory).map(child -> child.getPath().getName())
                    .filter(name -> name.startsWith(prefix)).toList();
        } catch (FileNotFoundException none) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** The file's text, empty when there is no such file. */
    public Optional<String> readString(URI file) throws IOException {
        if (isLocal(file)) {
            java.nio.file.Path local = java.nio.file.Path.of(file);
            return Files.exists(local) ? Optional.of(Files.readString(local, StandardCharsets.UTF_8)) : Optional.empty();
        }
        FileSystem fileSystem = fileSystem(file);
        try (var in = fileSystem.open(new Path(file))) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (FileNotFoundException none) {
            return Optional.empty();
        }
    }

    /** Writes or replaces a small file so that a reader sees the old or the new one whole (see the class comment). */
    public void replace(URI file, byte[] content) throws IOException {
        if (isLocal(file)) {
            java.nio.file.Path local = java.nio.file.Path.of(file);
            Files.createDirectories(local.getParent());
            DurableFiles.write(local, content);
            return;
        }
        Path target = new Path(file);
        FileSystem fileSystem = fileSystem(file);
        if ("s3a".equals(file.getScheme())) {
            try (FSDataOutputStream out = fileSystem.create(target, true)) {
                out.write(content);
            }
            return;
        }
        Path temporary = new Path(target.getParent(), "." + target.getName() + "-" + UUID.randomUUID() + ".tmp");
        try {
            try (FSDataOutputStream out = fileSystem.create(temporary, false)) {
                out.write(content);
                out.hsync();
            }
            FileContext.getFileContext(file, hadoop).rename(temporary, target, Options.Rename.OVERWRITE);
        } catch (IOException failed) {
            try {
                fileSystem.delete(temporary, false);
            } catch (IOException cleanup) {
                failed.addSuppressed(cleanup);
            }
            throw failed;
        }
    }

    /** Deletes a file; false when there was none. */
    public boolean delete(URI file) throws IOException {
        return fileSystem(file).delete(new Path(file), false);
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public void deleteTree(URI folder) {
        try {
            fileSystem(folder).delete(new Path(folder), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }

    private FileSystem fileSystem(URI location) throws IOException {
        return FileSystem.get(location, hadoop);
    }

    private static boolean isLocal(URI location) {
        return "file".equals(location.getScheme());
    }
}
