package jp.renkei.relay.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.Consumer;

/**
 * Reads the journal from the start and stops at the first record that is short, unmarked, longer than a record can be
 * or fails its checksum: that is where a crash tore the journal. A record that passes its checksum but does not decode
 * is corruption of another kind and fails the scan.
 */
record JournalScan(long goodLength, long lastSequence) {

    static JournalScan scan(FileChannel channel, Consumer<JournalEntry> visitor, RecordPositions positions,
            JournalSealing sealing) throws IOException {
        long position = 0;
        long lastSequence = 0;
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate(JournalCodec.HEADER_BYTES);
        while (position + JournalCodec.HEADER_BYTES <= size) {
            header.clear();
            readFully(channel, header, position);
            header.flip();
            int magic = header.getInt();
            int length = header.getInt();
            int checksum = header.getInt();
            if (!JournalCodec.isKnownMagic(magic) || length < 0 || length > JournalCodec.maximumPayload(magic)
                    || position + JournalCodec.HEADER_BYTES + length > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(channel, payload, position + JournalCodec.HEADER_BYTES);
            if (!JournalCodec.checksumMatches(payload.array(), checksum)) {
                break;
            }
            JournalEntry entry;
            try {
                entry = JournalCodec.decode(magic, payload.array(), sealing);
            } catch (JournalKeyException wrongKey) {
                throw wrongKey;
            } catch (IOException | IllegalArgumentException unreadable) {
                // The checksum held, so no crash tore this record: cutting it would drop it and every record after it.
                throw new IOException("RELAY-JOURNAL-003 the record at byte " + position + " (after sequence "
                        + lastSequence + ") passes its checksum but cannot be read (" + unreadable.getMessage()
                        + "); the journal was left as it is: keep a copy and report it, do not cut it by hand",
                        unreadable);
            }
            positions.record(entry.sequence(), position);
            visitor.accept(entry);
            lastSequence = entry.sequence();
            position += JournalCodec.HEADER_BYTES + length;
        }
        return new JournalScan(position, lastSequence);
    }

    static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("journal ended while reading at " + at);
            }
            at += read;
        }
    }
}
