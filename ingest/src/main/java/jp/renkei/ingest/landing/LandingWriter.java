package jp.renkei.ingest.landing;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one part file of a landing dataset: to a hidden temp name, fsynced, then renamed into
 * {@code landing/<dataset>/dt=<Tokyo date>/part-<uuid>.csv}, so a reader never sees half a file.
 */
public final class LandingWriter {
    /** Landing dates are Japanese calendar dates whatever the JVM's zone. */
    public static final ZoneId LANDING_ZONE_ID = ZoneId.of("Asia/Tokyo");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private final Path landingRoot;
    private final Clock clock;

    public LandingWriter(Path landingRoot, Clock clock) {
        this.landingRoot = landingRoot;
        this.clock = clock;
    }

    /** Writes the rows (each in {@link LandingDataset#columns()} order) as one part and returns its final path. */
    public Path writePart(LandingDataset dataset, Iterable<? extends List<?>> rows) throws IOException {
        LocalDate landingDate = LocalDate.now(clock.withZone(LANDING_ZONE_ID));
        Path directory = landingRoot.resolve(dataset.directoryName()).resolve("dt=" + landingDate);
        Files.createDirectories(directory);
        String partName = "part-" + UUID.randomUUID() + ".csv";
        Path temporary = directory.resolve("." + partName + ".tmp");
        Path target = directory.resolve(partName);
        int width = dataset.columns().size();
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             // Buffered: CSVPrinter appends field by field, and an unbuffered writer encodes and writes each piece
             // on its own (it was the relay processor's largest cost under load).
             Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(
                     java.nio.channels.Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16)) {
            CSVPrinter printer = new CSVPrinter(writer, FORMAT);
            printer.printRecord(dataset.columns());
            for (List<?> row : rows) {
                if (row.size() != width) {
                    throw new IllegalArgumentException("A " + dataset.directoryName() + " row needs " + width
                            + " values in the order " + dataset.columns() + ", got " + row.size() + ": " + row);
                }
                printer.printRecord(row.stream().map(value -> value == null ? "" : value.toString()).toList());
            }
            printer.flush();
            channel.force(true);
        } catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(temporary);
            throw failure;
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(directory);
        return target;
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
