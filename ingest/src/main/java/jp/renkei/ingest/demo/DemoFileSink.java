package jp.renkei.ingest.demo;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Where the demo's standard files go: months from {@code firstRelayMonth} to the sender's folder in the outbox (for
 * the relay agent), earlier months into one ZIP per month in the history archive ({@code history-YYYY-MM.zip},
 * entries {@code <sender>/<file name>}), the form in which {@code renkei-ingest backfill} imports a deployment's past.
 */
final class DemoFileSink implements Closeable {
    static final String ARCHIVE_PREFIX = "history-";

    private final Path outbox;
    private final Path archive;
    private final YearMonth firstRelayMonth;
    private final Map<YearMonth, ZipOutputStream> archives = new TreeMap<>();
    private int outboxFiles;
    private int archivedFiles;

    DemoFileSink(Path outbox, Path archive, YearMonth firstRelayMonth) {
        this.outbox = outbox;
        this.archive = archive;
        this.firstRelayMonth = firstRelayMonth;
    }

    void accept(YearMonth month, String sender, String fileName, byte[] content) throws IOException {
        if (!month.isBefore(firstRelayMonth)) {
            Path directory = outbox.resolve(sender);
            Files.createDirectories(directory);
            Files.write(directory.resolve(fileName), content);
            outboxFiles++;
            return;
        }
        ZipOutputStream zip = archives.get(month);
        if (zip == null) {
            Files.createDirectories(archive);
            zip = new ZipOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(archive.resolve(ARCHIVE_PREFIX + month + ".zip")), 1 << 16));
            zip.setLevel(Deflater.BEST_SPEED);
            archives.put(month, zip);
        }
        ZipEntry entry = new ZipEntry(sender + "/" + fileName);
        // A fixed time keeps the archive byte for byte the same for the same seed.
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
        archivedFiles++;
    }

    int outboxFiles() {
        return outboxFiles;
    }

    int archivedFiles() {
        return archivedFiles;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (ZipOutputStream zip : archives.values()) {
            try {
                zip.close();
            } catch (IOException closing) {
                failure = closing;
            }
        }
        archives.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
