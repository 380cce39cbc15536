package jp.renkei.relay.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** What the disk can do without the relay: appending 10 KB records and forcing after each one, or after each group. */
final class FsyncBaseline {
    private FsyncBaseline() {
    }

    /** Records per second when {@code groupSize} records share one force. */
    static double recordsPerSecond(Path folder, int recordBytes, int records, int groupSize) throws IOException {
        Path file = Files.createTempFile(folder, "fsync-baseline-", ".log");
        ByteBuffer record = ByteBuffer.allocate(recordBytes);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                record.clear();
                record.putInt(0, i);
                while (record.hasRemaining()) {
                    channel.write(record);
                }
                if ((i + 1) % groupSize == 0 || i == records - 1) {
                    channel.force(false);
                }
            }
            return records / ((System.nanoTime() - started) / 1e9);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
