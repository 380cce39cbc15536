package jp.renkei.ingest.standard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Splits decoded text into RFC 4180 records (the standard's physical format), as commons-csv's RFC4180 format with
 * empty lines ignored does, but in one pass over the text and keeping each record's starting line: comma
 * separators; CRLF, LF or CR line ends; a field that starts with a quote runs to the closing quote, with {@code ""}
 * for a quote and commas and line breaks kept; a quote inside an unquoted field is an ordinary character. Hand
 * written because it is the hot path of every standard file (docs/formats.md, benchmark).
 */
final class RecordSplitter {
    /** Where the text stops being CSV: an unclosed quote, or a character after a closing quote. */
    static final class MalformedException extends Exception {
        private final long line;

        MalformedException(long line, String message) {
            super(message);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private final String text;
    private final int length;
    private final StringBuilder quoted = new StringBuilder();
    private String[] fields = new String[32];
    private int position;
    private long line = 1;

    private RecordSplitter(String text) {
        this.text = text;
        this.length = text.length();
    }

    /** The records with their starting lines; records collects those before a malformed one. */
    static void split(String text, List<StandardFile.RawRecord> records) throws MalformedException {
        new RecordSplitter(text).run(records);
    }

    private void run(List<StandardFile.RawRecord> records) throws MalformedException {
        while (position < length) {
            char c = text.charAt(position);
            if (c == '\n' || c == '\r') {
                endOfLine(c); // an empty line: ignored
                continue;
            }
            long start = line;
            int count = 0;
            boolean more = true;
            while (more) {
                if (count == fields.length) {
                    fields = Arrays.copyOf(fields, count * 2);
                }
                fields[count++] = position < length && text.charAt(position) == '"' ? quotedField(start) : plainField();
                if (position >= length) {
                    more = false;
                } else {
                    char end = text.charAt(position);
                    if (end == ',') {
                        position++;
                    } else {
                        endOfLine(end);
                        more = false;
                    }
                }
            }
            records.add(new StandardFile.RawRecord(start, Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(fields, count)))));
        }
    }

    /** Up to the next comma or line end (left unconsumed). */
    private String plainField() {
        int from = position;
        int i = from;
        while (i < length) {
            char c = text.charAt(i);
            if (c == ',' || c == '\n' || c == '\r') {
                break;
            }
            i++;
        }
        position = i;
        return from == i ? "" : text.substring(from, i);
    }

    /** From the opening quote to the closing one; then only a comma, a line end or the end may follow. */
    private String quotedField(long recordLine) throws MalformedException {
        int i = position + 1;
        quoted.setLength(0);
        int chunk = i;
        while (true) {
            if (i >= length) {
                throw new MalformedException(recordLine, "EOF reached before the closing quote of a field on line " + recordLine);
            }
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < length && text.charAt(i + 1) == '"') {
                    quoted.append(text, chunk, i + 1);
                    i += 2;
                    chunk = i;
                    continue;
                }
                quoted.append(text, chunk, i);
                i++;
                break;
            }
            if (c == '\n' || (c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n'))) {
                line++;
            }
            i++;
        }
        while (i < length && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++; // like commons-csv: blanks between the closing quote and the separator are dropped
        }
        if (i < length) {
            char next = text.charAt(i);
            if (next != ',' && next != '\n' && next != '\r') {
                throw new MalformedException(line, "invalid character '" + next + "' after the closing quote on line " + line);
            }
        }
        position = i;
        return quoted.toString();
    }

    private void endOfLine(char c) {
        position++;
        if (c == '\r' && position < length && text.charAt(position) == '\n') {
            position++;
        }
        line++;
    }
}
