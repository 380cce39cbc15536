package jp.renkei.ingest.landing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Moves the parts of a landing zone written before {@code schedule_lines} was partitioned by month
 * ({@code schedule_lines/dt=…/part-<id>.csv}) into the layout of today ({@code schedule_lines/month=…/dt=…/part-<id>.csv}):
 * each old part is split by its rows' {@code target_month} into parts of the same landing date, id and modification
 * time, and deleted once they are durable. Stopped and run again, it replaces the parts it had written (same folder,
 * same id) and goes on, so nothing is lost and nothing lands twice. It only touches the old folders, so a relay may
 * land new parts meanwhile.
 */
public final class LandingUpgrade {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final String PART_PREFIX = "part-";
    private static final String PART_SUFFIX = ".csv";

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
        for (LandingDataset dataset : LandingDataset.values()) {
            if (dataset.monthColumn().isEmpty()) {
                continue;
            }
            Path datasetFolder = landingRoot.resolve(dataset.directoryName());
            if (!Files.isDirectory(datasetFolder)) {
                continue;
            }
            try (Stream<Path> days = Files.list(datasetFolder)) {
                for (Path day : days.filter(Files::isDirectory).filter(folder -> name(folder).startsWith("dt=")).sorted()
                        .toList()) {
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(day, PART_PREFIX + "*" + PART_SUFFIX)) {
                        files.forEach(parts::add);
                    }
                }
            }
        }
        parts.sort(null);
        return parts;
    }

    public Result run(Progress progress) throws IOException {
        List<Path> oldParts = oldParts();
        long rows = 0;
        int newParts = 0;
        int done = 0;
        for (Path oldPart : oldParts) {
            LandingDataset dataset = datasetOf(oldPart);
            LandingRows split = read(dataset, oldPart);
            String partName = name(oldPart);
            String partId = partName.substring(PART_PREFIX.length(), partName.length() - PART_SUFFIX.length());
            FileTime landedAt = Files.getLastModifiedTime(oldPart);
            // Readers order landings by dt and the part's modification time: both stay as they were.
            List<Path> written = new LandingWriter(landingRoot, java.time.Clock.systemUTC())
                    .writeParts(split, landingDate(oldPart), partId);
            for (Path part : written) {
                Files.setLastModifiedTime(part, landedAt);
            }
            Files.delete(oldPart);
            deleteIfEmpty(oldPart.getParent());
            rows += split.size();
            newParts += written.size();
            progress.partDone(oldPart, ++done, oldParts.size(), rows);
        }
        return new Result(oldParts.size(), rows, newParts);
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

    private static LandingRows read(LandingDataset dataset, Path oldPart) throws IOException {
        LandingRows rows = new LandingRows(dataset);
        try (Reader reader = Files.newBufferedReader(oldPart, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(reader)) {
            if (!parser.getHeaderNames().equals(dataset.columns())) {
                throw new IOException(oldPart + " has the header " + parser.getHeaderNames() + ", not "
                        + dataset.columns() + " — not a part renkei wrote; it was left where it is");
            }
            for (CSVRecord record : parser) {
                try {
                    rows.add(record.toList());
                } catch (IllegalArgumentException unusable) {
                    throw new IOException(oldPart + " line " + parser.getCurrentLineNumber() + ": "
                            + unusable.getMessage() + "; the part was left where it is", unusable);
                }
            }
        }
        return rows;
    }

    private static LocalDate landingDate(Path oldPart) throws IOException {
        String folder = name(oldPart.getParent());
        try {
            return LocalDate.parse(folder.substring("dt=".length()));
        } catch (DateTimeParseException notADate) {
            throw new IOException(oldPart.getParent() + " is not a landing date folder (dt=YYYY-MM-DD); the part was "
                    + "left where it is", notADate);
        }
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(folder);
            }
        }
    }

    private static String name(Path path) {
        return path.getFileName().toString();
    }
}
