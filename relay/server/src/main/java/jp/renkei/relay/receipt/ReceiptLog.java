package jp.renkei.relay.receipt;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * {@code receipts.log}: one line per event, {@code <fields separated by spaces> <CRC32C of them, 8 hex digits>}.
 * Delivery events are written without a force of their own and forced before the landing checkpoint advances (the
 * journal replays everything after it, so a lost delivery line is written again); an acknowledgement is forced before
 * it is answered. Reading stops at the first line that is torn or fails its checksum, and the file is cut there.
 */
final class ReceiptLog implements Closeable {
    private static final System.Logger LOG = System.getLogger(ReceiptLog.class.getName());

    private final FileChannel channel;

    private ReceiptLog(FileChannel channel) {
        this.channel = channel;
    }

    /** Opens (or creates) the log and hands every intact event, split into fields, to {@code events} in order. */
    static ReceiptLog open(Path file, Consumer<String[]> events) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        byte[] bytes = Files.readAllBytes(file);
        int good = 0;
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            String[] fields = verified(new String(bytes, start, i - start, StandardCharsets.US_ASCII));
            if (fields == null) {
                break;
            }
            events.accept(fields);
            good = i + 1;
            start = i + 1;
        }
        if (good < bytes.length) {
            LOG.log(System.Logger.Level.WARNING, "receipt log {0}: dropping a torn tail of {1} bytes", file,
                    bytes.length - good);
            channel.truncate(good);
            channel.force(true);
        }
        channel.position(good);
        return new ReceiptLog(channel);
    }

    /** Appends one event; durable only after the next {@link #force}. */
    synchronized void append(String... fields) throws IOException {
        String line = String.join(" ", fields);
        ByteBuffer buffer = ByteBuffer.wrap((line + " " + checksum(line) + "\n").getBytes(StandardCharsets.US_ASCII));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    synchronized void force() throws IOException {
        channel.force(false);
    }

    private static String[] verified(String line) {
        int lastSpace = line.lastIndexOf(' ');
        if (lastSpace < 0 || !line.substring(lastSpace + 1).equals(checksum(line.substring(0, lastSpace)))) {
            return null;
        }
        return line.substring(0, lastSpace).split(" ");
    }

    private static String checksum(String line) {
        CRC32C crc = new CRC32C();
        crc.update(line.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
