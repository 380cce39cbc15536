package jp.renkei.relay.journal;

import java.util.Arrays;

/**
 * Where each record starts in the journal file, by sequence. Sequences are dense from 1, so this is one growing array
 * (8 bytes a record: a million files is 8 MB). Recorded by the one writer (or the scan before it), read by any thread.
 * A sequence skipped by the scan (a damaged record set aside) has no position.
 */
final class RecordPositions {
    private long[] positions = new long[1024];
    private long firstSequence = -1;
    private volatile long recordedUpTo;
    /** How many slots of {@link #positions} hold a position or the mark of a skipped sequence. */
    private int filled;

    synchronized void record(long sequence, long position) {
        if (firstSequence < 0) {
            firstSequence = sequence;
        }
        int index = Math.toIntExact(sequence - firstSequence);
        if (index >= positions.length) {
            positions = Arrays.copyOf(positions, Math.max(index + 1, positions.length * 2));
        }
        if (index > filled) {
            Arrays.fill(positions, filled, index, -1);
        }
        positions[index] = position;
        filled = Math.max(filled, index + 1);
        recordedUpTo = Math.max(recordedUpTo, sequence);
    }

    /** The record's byte position, or -1 when the journal has no such record. */
    synchronized long positionOf(long sequence) {
        if (firstSequence < 0 || sequence < firstSequence || sequence > recordedUpTo) {
            return -1;
        }
        return positions[Math.toIntExact(sequence - firstSequence)];
    }
}
