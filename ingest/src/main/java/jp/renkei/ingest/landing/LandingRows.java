package jp.renkei.ingest.landing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of one landing dataset, formatted as CSV (UTF-8, RFC 4180) the moment they are added and kept as a few large
 * byte arrays. A relay buffers a few hundred thousand rows between flushes; held as lists of values they were
 * millions of live objects that every young collection copied (JFR: 13 % of the time paused under load).
 */
public final class LandingRows {
    private static final int CHUNK_BYTES = 1 << 20;

    private final LandingDataset dataset;
    private final List<byte[]> fullChunks = new ArrayList<>();
    private final StringBuilder line = new StringBuilder(256);
    private byte[] chunk = new byte[CHUNK_BYTES];
    private int used;
    private int rows;

    public LandingRows(LandingDataset dataset) {
        this.dataset = dataset;
    }

    public LandingDataset dataset() {
        return dataset;
    }

    /** Adds one row, its values in {@link LandingDataset#columns()} order ({@code null} lands as empty). */
    public void add(List<?> row) {
        int width = dataset.columns().size();
        if (row.size() != width) {
            throw new IllegalArgumentException("A " + dataset.directoryName() + " row needs " + width
                    + " values in the order " + dataset.columns() + ", got " + row.size() + ": " + row);
        }
        format(line, row);
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
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
        rows++;
    }

    public int size() {
        return rows;
    }

    public boolean isEmpty() {
        return rows == 0;
    }

    public void clear() {
        fullChunks.clear();
        chunk = new byte[CHUNK_BYTES];
        used = 0;
        rows = 0;
    }

    /** The header line and then every row. */
    void writeTo(OutputStream output) throws IOException {
        format(line, dataset.columns());
        output.write(line.toString().getBytes(StandardCharsets.UTF_8));
        for (byte[] full : fullChunks) {
            output.write(full);
        }
        output.write(chunk, 0, used);
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
