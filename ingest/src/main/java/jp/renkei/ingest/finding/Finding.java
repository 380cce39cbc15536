package jp.renkei.ingest.finding;

import java.util.Objects;

/**
 * One thing wrong with an input, at one place.
 *
 * @param code stable identifier such as {@code STD-DATE-002}; the same in logs, reports and the UI
 * @param line 1-based physical line where the record starts, or 0 when the finding is about the whole file
 * @param column 1-based field position, or 0 when not tied to a field
 * @param field the field's name as the layout calls it, or empty
 */
public record Finding(
        String code,
        Severity severity,
        String file,
        long line,
        int column,
        String field,
        String messageJa,
        String messageEn) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        file = Objects.requireNonNullElse(file, "");
        field = Objects.requireNonNullElse(field, "");
        Objects.requireNonNull(messageJa, "messageJa");
        Objects.requireNonNull(messageEn, "messageEn");
    }

    public static Finding error(String code, String file, long line, int column, String field, String messageJa, String messageEn) {
        return new Finding(code, Severity.ERROR, file, line, column, field, messageJa, messageEn);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line for a terminal: code, place and the English message. */
    public String describe() {
        StringBuilder place = new StringBuilder(file);
        if (line > 0) {
            place.append(':').append(line);
        }
        if (column > 0) {
            place.append(" column ").append(column);
        }
        if (!field.isEmpty()) {
            place.append(" (").append(field).append(')');
        }
        return code + " " + severity + " " + place + ": " + messageEn + " / " + messageJa;
    }
}
