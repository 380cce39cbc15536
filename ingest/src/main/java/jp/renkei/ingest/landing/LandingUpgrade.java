package jp.renkei.ingest.landing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jp.renkei.ingest.csv.HeaderCheckedCsv;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.Findings;

/**
 * Moves the parts of a landing zone written before {@code schedule_lines} was partitioned by month
 * ({@code schedule_lines/dt=…/part-<id>.csv}) into the layout of today ({@code schedule_lines/month=…/dt=…/part-<id>.csv}):
 * each old part is split by its rows' {@code target_month} into parts of the same landing date, id and modification
 * time, and deleted once they are durable. Stopped and run again, it replaces the parts it had written (same folder,
 * same id) and goes on, so nothing is lost and nothing lands twice; it also removes old landing-date folders that hold
 * no part any more. It reads and deletes only old parts, so a relay or backfill of this version may land meanwhile;
 * two upgrades of the same landing zone at once are refused (a lock file).
 */
public final class LandingUpgrade {
    private static final String DT_PREFIX = LandingDataset.LANDING_DATE_PARTITION + "=";
    private static final String LOCK_FILE = ".landing-upgrade.lock";

    /** What the upgrade did: old parts split, rows moved, new parts written. */
    public record Result(int oldParts, long rows, int newParts) {
    }

    /** Told after each old part is split and deleted. */
    public interface Progress {
        void partDone(Path oldPart, int partsDone, int partsTotal, long rowsMoved);
    }

    private final Path landingRoot;

    public LandingUpgrade(Path landingRoot) {
        this.landingRoot = landingRoot;
    }

    /** The parts still in the layout before months, in path order; empty when there is nothing to upgrade. */
    public List<Path> oldParts() throws IOException {
        List<Path> parts = new ArrayList<>();
        for (Path day : oldLandingDateFolders()) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(day, LandingDataset.PART_GLOB)) {
                files.forEach(parts::add);
            }
        }
        parts.sort(null);
        return parts;
    }

    public Result run(Progress progress) throws IOException {
        if (!Files.isDirectory(landingRoot)) {
            throw new NoSuchFileException(landingRoot.toString(), null, "no landing zone here");
        }
        try (FileChannel lockFile = FileChannel.open(landingRoot.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock lock = tryLock(lockFile)) {
            if (lock == null) {
                throw new IOException("another landing-upgrade is moving " + landingRoot + "; let it finish");
            }
            return runLocked(progress);
        }
    }

    /** The lock, or null when another process (or this one) holds it. */
    private static FileLock tryLock(FileChannel lockFile) throws IOException {
        try {
            return lockFile.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    private Result runLocked(Progress progress) throws IOException {
        List<Path> oldParts = oldParts();
        LandingWriter writer = new LandingWriter(landingRoot, Clock.systemUTC());
        long rows = 0;
        int newParts = 0;
        int done = 0;
        for (Path oldPart : oldParts) {
            LandingDataset dataset = datasetOf(oldPart);
            LandingRows split = read(dataset, oldPart);
            String partId = LandingDataset.partId(name(oldPart)).orElseThrow();
            // Readers order landings by dt and the part's modification time: both stay as they were.
            List<Path> written = writer.replaceParts(split, landingDate(oldPart), partId,
                    Files.getLastModifiedTime(oldPart));
            Files.delete(oldPart);
            rows += split.size();
            newParts += written.size();
            progress.partDone(oldPart, ++done, oldParts.size(), rows);
        }
        // Also after a run stopped between a part's delete and its folder's, or a writer's left-over temp file.
        for (Path day : oldLandingDateFolders()) {
            deleteIfNoPart(day);
        }
        return new Result(oldParts.size(), rows, newParts);
    }

    /** The {@code dt=} folders directly under a dataset partitioned by month. */
    private List<Path> oldLandingDateFolders() throws IOException {
        List<Path> folders = new ArrayList<>();
        for (LandingDataset dataset : LandingDataset.values()) {
            Path datasetFolder = landingRoot.resolve(dataset.directoryName());
            if (dataset.monthColumn().isEmpty() || !Files.isDirectory(datasetFolder)) {
                continue;
            }
            try (Stream<Path> children = Files.list(datasetFolder)) {
                children.filter(Files::isDirectory).filter(folder -> name(folder).startsWith(DT_PREFIX)).sorted()
                        .forEach(folders::add);
            }
        }
        return folders;
    }

    private LandingDataset datasetOf(Path oldPart) {
        String folder = name(oldPart.getParent().getParent());
        for (LandingDataset dataset : LandingDataset.values()) {
            if (dataset.directoryName().equals(folder)) {
                return dataset;
            }
        }
        throw new IllegalStateException("not a dataset folder: " + folder);
    }

    /** An old part, read with the header check every renkei CSV input gets; any problem stops the upgrade. */
    private static LandingRows read(LandingDataset dataset, Path oldPart) throws IOException {
        LandingRows rows = new LandingRows(dataset);
        Findings findings = new Findings(oldPart.toString());
        try (Reader reader = Files.newBufferedReader(oldPart, StandardCharsets.UTF_8)) {
            HeaderCheckedCsv.read(reader, "UPG", dataset.columns(), findings, (record, line) -> {
                try {
                    rows.add(record.toList());
                } catch (IllegalArgumentException unusable) {
                    findings.error("UPG-ROW-001", line, 0, "", "この行は月のフォルダに振り分けられません",
                            unusable.getMessage());
                }
            });
        }
        Optional<Finding> problem = findings.firstError();
        if (problem.isPresent()) {
            throw new IOException(oldPart + " line " + problem.get().line() + ": " + problem.get().messageEn()
                    + " — not a part renkei wrote; it was left where it is");
        }
        return rows;
    }

    private static LocalDate landingDate(Path oldPart) throws IOException {
        String folder = name(oldPart.getParent());
        try {
            return LocalDate.parse(folder.substring(DT_PREFIX.length()));
        } catch (DateTimeParseException notADate) {
            throw new IOException(oldPart.getParent() + " is not a landing date folder (dt=YYYY-MM-DD); the part was "
                    + "left where it is", notADate);
        }
    }

    /** Deletes a landing-date folder that holds no part: nothing, or only hidden temp files of a stopped writer. */
    private static void deleteIfNoPart(Path folder) throws IOException {
        List<Path> entries;
        try (Stream<Path> children = Files.list(folder)) {
            entries = children.toList();
        }
        if (entries.stream().allMatch(entry -> Files.isRegularFile(entry) && name(entry).startsWith("."))) {
            for (Path hidden : entries) {
                Files.delete(hidden);
            }
            Files.delete(folder);
        }
    }

    private static String name(Path path) {
        return path.getFileName().toString();
    }
}
