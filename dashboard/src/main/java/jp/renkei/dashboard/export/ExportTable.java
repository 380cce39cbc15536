package jp.renkei.dashboard.export;

import java.util.List;

/**
 * Exactly what a page shows, ready for a file: a title, what the figures are (reference month, filters, scope,
 * definitions, source — written above the table so a figure never travels without them), the columns and the rows.
 * Cell values are {@code String}, {@code Long}, {@code Integer}, {@code Double} or null (no figure).
 */
public record ExportTable(String title, List<About> about, List<Column> columns, List<List<Object>> rows) {

    public ExportTable {
        about = List.copyOf(about);
        columns = List.copyOf(columns);
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    /** One line above the table, e.g. 基準月 → 2026年10月末時点. */
    public record About(String label, String value) {
    }

    /** A column's header and how a spreadsheet should show its numbers. */
    public record Column(String label, Kind kind) {
    }

    public enum Kind {
        /** Text or codes, kept as text (leading zeros stay). */
        TEXT,
        /** Counts and ranks. */
        WHOLE,
        /** Rates as fractions (0.1234 = 12.34%); shown as a percentage with one decimal in XLSX. */
        FRACTION,
        /** Other decimal figures (yen, hours). */
        DECIMAL
    }
}
