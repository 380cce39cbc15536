package jp.renkei.marts;

import java.util.Objects;

/**
 * One column of a mart.
 *
 * @param nullable whether a row may hold null here (a rate with a zero denominator, an office without a baseline)
 * @param meaning one line for docs/marts.md and the definitions page
 * @param personCount whether the value counts persons: 1 and 2 are shown as "<3" below the ministry role and in every
 *                    export (秘匿処理 of small counts, docs/marts.md)
 */
public record MartColumn(String name, ColumnType type, boolean nullable, String meaning, boolean personCount) {
    public MartColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a mart column is snake_case: " + name);
        }
    }

    static MartColumn required(String name, ColumnType type, String meaning) {
        return new MartColumn(name, type, false, meaning, false);
    }

    static MartColumn optional(String name, ColumnType type, String meaning) {
        return new MartColumn(name, type, true, meaning, false);
    }

    /** A count of persons (bigint), suppressed below three where the viewer is not the ministry. */
    static MartColumn persons(String name, boolean nullable, String meaning) {
        return new MartColumn(name, ColumnType.BIGINT, nullable, meaning, true);
    }
}
