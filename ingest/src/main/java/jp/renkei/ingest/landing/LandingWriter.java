package jp.renkei.ingest.landing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.renkei.ingest.io.JapanTime;

/**
 * Writes the parts of a landing dataset: each to a hidden temp name, fsynced, then renamed into
 * {@code landing/<dataset>/dt=<Tokyo date>/part-<uuid>.csv} — or {@code landing/<dataset>/month=<YYYY-MM>/dt=…/}, one
 * part per month, for a dataset partitioned by month — so a reader never sees half a file.
 */
public final class LandingWriter {
    /** Landing dates are Japanese calendar dates whatever the JVM's zone. */
    public static final ZoneId LANDING_ZONE_ID = JapanTime.ZONE;

    private final Path landingRoot;
    private final Clock clock;

    public LandingWriter(Path landingRoot, Clock clock) {
        this.landingRoot = landingRoot;
        this.clock = clock;
    }

    /**
     * Writes the rows (each in {@link LandingDataset#columns()} order) of a dataset that is not partitioned by month as
     * one part and returns its final path.
     */
    public Path writePart(LandingDataset dataset, Iterable<? extends List<?>> rows) throws IOException {
        if (dataset.monthColumn().isPresent()) {
            throw new IllegalArgumentException(dataset.directoryName() + " lands one part per month: use writeParts");
        }
        return writeParts(dataset, rows).get(0);
    }

    /** Writes the rows as the dataset's parts (one, or one per month) and returns their final paths. */
    public List<Path> writeParts(LandingDataset dataset, Iterable<? extends List<?>> rows) throws IOException {
        LandingRows formatted = new LandingRows(dataset);
        for (List<?> row : rows) {
            formatted.add(row);
        }
        return writeParts(formatted);
    }

    /**
     * Writes already formatted rows as the parts of their dataset — one, or one per month that holds rows (none when
     * there are no rows) — and returns their final paths.
     */
    public List<Path> writeParts(LandingRows rows) throws IOException {
        LocalDate landingDate = LocalDate.now(clock.withZone(LANDING_ZONE_ID));
        return writeParts(rows, landingDate, UUID.randomUUID().toString(), null);
    }

    /**
     * Writes the parts under a given landing date, part id ({@code part-<id>.csv}) and modification time, replacing a
     * part of the same id in the same folder: what makes {@link LandingUpgrade} safe to repeat. The time is set before
     * the part is fsynced, so it is as durable as the content.
     */
    List<Path> replaceParts(LandingRows rows, LocalDate landingDate, String partId, FileTime modified)
            throws IOException {
        return writeParts(rows, landingDate, partId, modified);
    }

    /** @param replacedWithTime null for a new part (its id is random and its temp name must be free) */
    private List<Path> writeParts(LandingRows rows, LocalDate landingDate, String partId, FileTime replacedWithTime)
            throws IOException {
        List<Path> parts = new ArrayList<>();
        for (String partition : rows.partitions()) {
            Path directory = landingRoot.resolve(rows.dataset().directoryName());
            if (!partition.equals(LandingRows.UNPARTITIONED)) {
                directory = directory.resolve(LandingDataset.MONTH_PARTITION + "=" + partition);
            }
            directory = directory.resolve(LandingDataset.LANDING_DATE_PARTITION + "=" + landingDate);
            parts.add(writePart(rows, partition, directory, LandingDataset.partFileName(partId), replacedWithTime));
        }
        return parts;
    }

    private static Path writePart(LandingRows rows, String partition, Path directory, String partName,
            FileTime replacedWithTime) throws IOException {
        createDirectoriesDurably(directory);
        Path temporary = directory.resolve("." + partName + ".tmp");
        Path target = directory.resolve(partName);
        // A new part's temp name is unique; only a replacing write may find (and truncate) one left by a stopped run.
        OpenOption create = replacedWithTime == null ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE;
        try (FileChannel channel = FileChannel.open(temporary, create, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
             OutputStream output = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            rows.writeTo(partition, output);
            output.flush();
            if (replacedWithTime != null) {
                Files.setLastModifiedTime(temporary, replacedWithTime);
            }
            channel.force(true);
        } catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(temporary);
            throw failure;
        }
        // rename(2): atomic, and it replaces an existing part of the same name (POSIX file systems, which the
        // landing zone is on; the job reads remote stores but never writes landing parts there).
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(directory);
        return target;
    }

    /**
     * Creates the folder and any missing parents, fsyncing each new one and the folder that holds it: a new month's
     * folder must not vanish on power loss after the relay has recorded its rows as landed.
     */
    private static void createDirectoriesDurably(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path existing = directory.toAbsolutePath();
        List<Path> missing = new ArrayList<>();
        while (existing != null && !Files.isDirectory(existing)) {
            missing.add(0, existing);
            existing = existing.getParent();
        }
        Files.createDirectories(directory);
        for (Path created : missing) {
            forceDirectory(created);
            forceDirectory(created.getParent());
        }
    }

    /** Makes the rename itself durable; some file systems refuse to open a directory, which is harmless. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignoredBecauseNotSupportedEverywhere) {
            // The part file itself is already durable; only the directory entry may be lost on power failure.
        }
    }
}
