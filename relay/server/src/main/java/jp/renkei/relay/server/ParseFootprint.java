package jp.renkei.relay.server;

/**
 * What checking a file costs the heap, estimated from its bytes before it is parsed: the standard reader keeps every
 * record and field as objects, so a body of short lines costs far more than its size (16 MiB of "1" lines took
 * 831 MB, 16 MiB of eight-field lines 368 MB). Counted from line breaks and commas, which in MS932 and UTF-8 never
 * occur inside a multi-byte character; quoted commas and breaks count too, which only overestimates.
 */
final class ParseFootprint {
    /** Per line and per field, twice what was measured for the raw records, since a valid file is typed as well. */
    static final long BYTES_PER_LINE = 220;
    static final long BYTES_PER_FIELD = 96;
    /** The decoded text, as UTF-16 when it holds any kanji. */
    static final long BYTES_PER_BYTE = 2;

    private ParseFootprint() {
    }

    /** Lines and fields of {@code content} and the heap their parse is estimated to take. */
    record Estimate(long lines, long fields, long bytes) {
    }

    static Estimate of(byte[] content) {
        Counter counter = new Counter();
        counter.add(content, content.length);
        return counter.estimate();
    }

    /** The estimate of a body as it arrives, so that a hopeless one is refused before the rest of it is read. */
    static final class Counter {
        private long bytes;
        private long lines;
        private long commas;
        private byte last = '\n';

        void add(byte[] chunk, int length) {
            for (int i = 0; i < length; i++) {
                byte b = chunk[i];
                if (b == '\n') {
                    lines++;
                } else if (b == ',') {
                    commas++;
                }
            }
            if (length > 0) {
                last = chunk[length - 1];
                bytes += length;
            }
        }

        Estimate estimate() {
            long allLines = lines + (bytes > 0 && last != '\n' ? 1 : 0);
            long fields = allLines + commas;
            return new Estimate(allLines, fields,
                    BYTES_PER_BYTE * bytes + BYTES_PER_LINE * allLines + BYTES_PER_FIELD * fields);
        }
    }
}
