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

/**
 * Writes one part file of a landing dataset: to a hidden temp name, fsynced, then renamed into
 * {@code landing/<dataset>/dt=<Tokyo date>/part-<uuid>.csv}, so a reader never sees half a file.
 */
public final class LandingWriter {
    /** Landing dates are Japanese calendar dates whatever the JVM's zone. */
    public static final ZoneId LANDING_ZONE_ID = ZoneId.of("Asia/Tokyo");

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
             Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(
                     java.nio.channels.Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16)) {
            StringBuilder line = new StringBuilder(256);
            writeRow(writer, line, dataset.columns());
            for (List<?> row : rows) {
                if (row.size() != width) {
                    throw new IllegalArgumentException("A " + dataset.directoryName() + " row needs " + width
                            + " values in the order " + dataset.columns() + ", got " + row.size() + ": " + row);
                }
                writeRow(writer, line, row);
            }
            writer.flush();
            channel.force(true);
        } catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(temporary);
            throw failure;
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(directory);
        return target;
    }

    /**
     * One RFC 4180 row: a field is quoted (quotes doubled) only when it holds a comma, a quote or a line break, as
     * commons-csv's minimal quoting does. Written by hand because the relay lands a hundred rows per file on its one
     * processor thread, where CSVPrinter's per-field locking and appends were most of the cost;
     * {@code LandingWriterTest} reads every part back with commons-csv.
     */
    private static void writeRow(Writer writer, StringBuilder line, List<?> row) throws IOException {
        line.setLength(0);
        for (int column = 0; column < row.size(); column++) {
            if (column > 0) {
                line.append(',');
            }
            Object value = row.get(column);
            if (value != null) {
                appendField(line, value.toString());
            }
        }
        line.append('\n');
        writer.append(line);
    }

    private static void appendField(StringBuilder line, String field) {
        boolean quote = false;
        for (int index = 0; index < field.length() && !quote; index++) {
            char character = field.charAt(index);
            quote = character == ',' || character == '"' || character == '\n' || character == '\r';
        }
        if (!quote) {
            line.append(field);
            return;
        }
        line.append('"');
        for (int index = 0; index < field.length(); index++) {
            char character = field.charAt(index);
            if (character == '"') {
                line.append('"');
            }
            line.append(character);
        }
        line.append('"');
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
