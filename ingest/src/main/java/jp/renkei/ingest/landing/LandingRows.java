package jp.renkei.ingest.landing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Rows of one landing dataset, formatted as CSV (UTF-8, RFC 4180) the moment they are added and kept as a few large
 * byte arrays. A relay buffers a few hundred thousand rows between flushes; held as lists of values they were
 * millions of live objects that every young collection copied (JFR: 13 % of the time paused under load).
 *
 * <p>A dataset partitioned by month ({@link LandingDataset#monthColumn()}) keeps one buffer per month, each landing as
 * its own part in {@code month=<value>/}.
 */
public final class LandingRows {
    /** The partition of a dataset that is not partitioned by month. */
    static final String UNPARTITIONED = "";

    private static final int CHUNK_BYTES = 1 << 20;
    private static final Pattern YEAR_MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

    private final LandingDataset dataset;
    private final int monthIndex;
    private final Map<String, Buffer> buffers = new TreeMap<>();
    /** The month of the row before and its buffer: a file's lines share one month, so most rows skip the checks. */
    private String lastPartition;
    private Buffer lastBuffer;
    private final StringBuilder line = new StringBuilder(256);
    private int rows;

    public LandingRows(LandingDataset dataset) {
        this.dataset = dataset;
        this.monthIndex = dataset.monthColumn().map(dataset.columns()::indexOf).orElse(-1);
    }

    public LandingDataset dataset() {
        return dataset;
    }

    /**
     * Adds one row, its values in {@link LandingDataset#columns()} order ({@code null} lands as empty). In a dataset
     * partitioned by month the month column must hold {@code YYYY-MM}: it names a folder.
     */
    public void add(List<?> row) {
        int width = dataset.columns().size();
        if (row.size() != width) {
            throw new IllegalArgumentException("A " + dataset.directoryName() + " row needs " + width
                    + " values in the order " + dataset.columns() + ", got " + row.size() + ": " + row);
        }
        String partition = UNPARTITIONED;
        if (monthIndex >= 0) {
            Object month = row.get(monthIndex);
            partition = month == null ? "" : month.toString();
        }
        if (!partition.equals(lastPartition)) {
            if (monthIndex >= 0 && !YEAR_MONTH.matcher(partition).matches()) {
                throw new IllegalArgumentException("A " + dataset.directoryName() + " row lands in the folder of its "
                        + dataset.columns().get(monthIndex) + ", which must be YYYY-MM, not '" + partition + "'");
            }
            lastBuffer = buffers.computeIfAbsent(partition, ignored -> new Buffer());
            lastPartition = partition;
        }
        format(line, row);
        lastBuffer.append(line.toString().getBytes(StandardCharsets.UTF_8));
        rows++;
    }

    public int size() {
        return rows;
    }

    public boolean isEmpty() {
        return rows == 0;
    }

    public void clear() {
        buffers.clear();
        lastPartition = null;
        lastBuffer = null;
        rows = 0;
    }

    /**
     * The months that hold rows, in order, for a dataset partitioned by month; otherwise the one unpartitioned part
     * ({@link #UNPARTITIONED}), which lands even without rows (a header only).
     */
    Set<String> partitions() {
        if (monthIndex < 0) {
            return Set.of(UNPARTITIONED);
        }
        return buffers.keySet();
    }

    /** The header line and then every row of one partition. */
    void writeTo(String partition, OutputStream output) throws IOException {
        format(line, dataset.columns());
        output.write(line.toString().getBytes(StandardCharsets.UTF_8));
        Buffer buffer = buffers.get(partition);
        if (buffer != null) {
            buffer.writeTo(output);
        }
    }

    /** Formatted lines in chunks of {@link #CHUNK_BYTES}. */
    private static final class Buffer {
        private final List<byte[]> fullChunks = new ArrayList<>();
        private byte[] chunk = new byte[CHUNK_BYTES];
        private int used;

        void append(byte[] bytes) {
            int offset = 0;
            while (offset < bytes.length) {
                if (used == chunk.length) {
                    fullChunks.add(chunk);
                    chunk = new byte[CHUNK_BYTES];
                    used = 0;
                }
                int length = Math.min(bytes.length - offset, chunk.length - used);
                System.arraycopy(bytes, offset, chunk, used, length);
                used += length;
                offset += length;
            }
        }

        void writeTo(OutputStream output) throws IOException {
            for (byte[] full : fullChunks) {
                output.write(full);
            }
            output.write(chunk, 0, used);
        }
    }

    /**
     * One RFC 4180 line: a field is quoted (quotes doubled) only when it holds a comma, a quote or a line break, as
     * commons-csv's minimal quoting does; {@code LandingWriterTest} reads awkward values back with commons-csv.
     */
    private static void format(StringBuilder line, List<?> row) {
        line.setLength(0);
        for (int column = 0; column < row.size(); column++) {
            if (column > 0) {
                line.append(',');
            }
            // Numbers need no quoting and go in without a String; a megamorphic toString() was 2 % of a loaded relay.
            Object value = row.get(column);
            if (value instanceof String text) {
                appendField(line, text);
            } else if (value instanceof Integer number) {
                line.append(number.intValue());
            } else if (value instanceof Long number) {
                line.append(number.longValue());
            } else if (value != null) {
                appendField(line, value.toString());
            }
        }
        line.append('\n');
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
}
