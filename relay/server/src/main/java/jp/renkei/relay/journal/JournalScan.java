package jp.renkei.relay.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a journal segment from the start. A record that is short, unmarked, longer than a record can be or fails its
 * checksum is either a torn tail or damage:
 * <ul>
 *   <li>when no intact record follows it, a crash tore the segment there: everything from it on was written after the
 *       last fsync, so nothing in it was acknowledged ({@link #goodLength} ends before it);</li>
 *   <li>when an intact record follows, the bad bytes were forced to disk with a later batch, so they were
 *       acknowledged and then damaged (a flipped bit, a bad sector): they are reported as a {@link DamagedRegion} and
 *       every record after them is still read.</li>
 * </ul>
 * A record that passes its checksum but does not decode is corruption of another kind and fails the scan.
 *
 * <p>Looking for the next intact record after damage: first where the damaged record's own length says the next one
 * begins, then byte by byte. A candidate must carry a known mark, a possible length, a matching checksum and a sequence
 * after the last good one; a journal that seals its records also requires a sealed candidate, whose authentication
 * makes a record planted inside an uploaded file's bytes impossible to take for a real one.
 */
record JournalScan(long goodLength, long lastSequence, List<DamagedRegion> damaged) {

    /** Bytes between two intact records that are not a readable record: {@code length} bytes at {@code position}. */
    record DamagedRegion(long position, long length, long afterSequence) {
    }

    /** A record whose frame and checksum verified, not yet decoded. */
    private record Frame(int magic, byte[] payload) {
        long end(long position) {
            return position + JournalCodec.HEADER_BYTES + payload.length;
        }
    }

    private static final int SEARCH_CHUNK = 1 << 20;

    static JournalScan scan(FileChannel channel, Consumer<JournalEntry> visitor, RecordPositions positions,
            JournalSealing sealing) throws IOException {
        long position = 0;
        long lastSequence = 0;
        long size = channel.size();
        List<DamagedRegion> damaged = new ArrayList<>();
        while (position + JournalCodec.HEADER_BYTES <= size) {
            Frame frame = frameAt(channel, position, size);
            if (frame == null) {
                long next = nextIntactRecord(channel, position, size, lastSequence, sealing);
                if (next < 0) {
                    break;
                }
                damaged.add(new DamagedRegion(position, next - position, lastSequence));
                position = next;
                continue;
            }
            JournalEntry entry;
            try {
                entry = JournalCodec.decode(frame.magic(), frame.payload(), sealing);
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
            position = frame.end(position);
        }
        return new JournalScan(position, lastSequence, List.copyOf(damaged));
    }

    /** The record framed at {@code position}, or null when its header, length or checksum does not verify. */
    private static Frame frameAt(FileChannel channel, long position, long size) throws IOException {
        if (position + JournalCodec.HEADER_BYTES > size) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(JournalCodec.HEADER_BYTES);
        readFully(channel, header, position);
        header.flip();
        int magic = header.getInt();
        int length = header.getInt();
        int checksum = header.getInt();
        if (!JournalCodec.isKnownMagic(magic) || length < 0 || length > JournalCodec.maximumPayload(magic)
                || position + JournalCodec.HEADER_BYTES + length > size) {
            return null;
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(channel, payload, position + JournalCodec.HEADER_BYTES);
        return JournalCodec.checksumMatches(payload.array(), checksum) ? new Frame(magic, payload.array()) : null;
    }

    /** Where the first intact record after the bad one at {@code badPosition} begins, or -1 when none does. */
    private static long nextIntactRecord(FileChannel channel, long badPosition, long size, long lastSequence,
            JournalSealing sealing) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(JournalCodec.HEADER_BYTES);
        readFully(channel, header, badPosition);
        long declaredEnd = badPosition + JournalCodec.HEADER_BYTES + Integer.toUnsignedLong(header.getInt(4));
        if (declaredEnd < size && isIntactRecord(channel, declaredEnd, size, lastSequence, sealing)) {
            return declaredEnd;
        }
        ByteBuffer chunk = ByteBuffer.allocate(SEARCH_CHUNK);
        for (long start = badPosition + 1; start + JournalCodec.HEADER_BYTES <= size; start += SEARCH_CHUNK - 3) {
            chunk.clear().limit((int) Math.min(SEARCH_CHUNK, size - start));
            readFully(channel, chunk, start);
            for (int offset = 0; offset + 4 <= chunk.limit(); offset++) {
                if (JournalCodec.isKnownMagic(chunk.getInt(offset))
                        && isIntactRecord(channel, start + offset, size, lastSequence, sealing)) {
                    return start + offset;
                }
            }
        }
        return -1;
    }

    private static boolean isIntactRecord(FileChannel channel, long position, long size, long lastSequence,
            JournalSealing sealing) throws IOException {
        Frame frame = frameAt(channel, position, size);
        if (frame == null || (sealing != null && frame.magic() != JournalSealing.MAGIC)) {
            return false;
        }
        try {
            return JournalCodec.decode(frame.magic(), frame.payload(), sealing).sequence() > lastSequence;
        } catch (IOException | IllegalArgumentException notARecord) {
            return false;
        }
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
