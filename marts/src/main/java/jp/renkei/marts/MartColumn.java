package jp.renkei.marts;

import java.util.Objects;

/**
 * One column of a mart.
 *
 * @param nullable whether a row may hold null here (a rate with a zero denominator, an office without a baseline)
 * @param meaning one line for docs/marts.md and the definitions page
 */
public record MartColumn(String name, ColumnType type, boolean nullable, String meaning) {
    public MartColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a mart column is snake_case: " + name);
        }
    }

    static MartColumn required(String name, ColumnType type, String meaning) {
        return new MartColumn(name, type, false, meaning);
    }

    static MartColumn optional(String name, ColumnType type, String meaning) {
        return new MartColumn(name, type, true, meaning);
    }
}
