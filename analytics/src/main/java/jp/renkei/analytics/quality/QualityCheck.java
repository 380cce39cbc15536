package jp.renkei.analytics.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One data-quality check over a frame. Build with the factories; {@link #evaluate()} runs it. */
public final class QualityCheck {

    static final int MAX_EXAMPLES = 5;

    private final String code;
    private final String name;
    private final String advice;
    private final Evaluation evaluation;

    private QualityCheck(String code, String name, String advice, Evaluation evaluation) {
        this.code = code;
        this.name = name;
        this.advice = advice;
        this.evaluation = evaluation;
    }

    /** Fails for every row of {@code frame} where {@code violation} is true, naming {@code keyColumns} as examples. */
    public static QualityCheck noRowWhere(String code, String name, Dataset<Row> frame, Column violation,
                                          List<String> keyColumns, String advice) {
        return new QualityCheck(code, name, advice, () -> violations(frame.where(violation), keyColumns));
    }

    /** Fails for every key of {@code frame} that occurs more than once. */
    public static QualityCheck uniqueKey(String code, String name, Dataset<Row> frame, List<String> key,
                                         String advice) {
        Column[] keyColumns = key.stream().map(c -> col(c)).toArray(Column[]::new);
        return new QualityCheck(code, name, advice, () -> violations(
                frame.groupBy(keyColumns).agg(count(lit(1)).as("_rows")).where(col("_rows").gt(1)), key));
    }

    /**
     * Fails when {@code frame} has fewer than {@code minimumShare} × {@code previousRows} rows: a mart that suddenly
     * shrinks (a landing folder lost, a partial office list) must not replace the published one silently.
     */
    public static QualityCheck notShrunk(String code, String name, Dataset<Row> frame, long previousRows,
                                         double minimumShare, String advice) {
        return new QualityCheck(code, name, advice, () -> {
            long rows = frame.count();
            return rows < previousRows * minimumShare
                    ? new Violations(1, List.of(rows + " rows against " + previousRows + " in the published run"))
                    : new Violations(0, List.of());
        });
    }

    /** Fails with the one example {@code violation} gives, if it gives one; for checks of things other than rows. */
    public static QualityCheck fromViolation(String code, String name, Supplier<Optional<String>> violation,
                                             String advice) {
        return new QualityCheck(code, name, advice, () -> violation.get()
                .map(example -> new Violations(1, List.of(example)))
                .orElseGet(() -> new Violations(0, List.of())));
    }

    /** Fails when {@code frame} has no row at all. */
    public static QualityCheck notEmpty(String code, String name, Dataset<Row> frame, String advice) {
        return new QualityCheck(code, name, advice,
                () -> frame.isEmpty() ? new Violations(1, List.of("no rows")) : new Violations(0, List.of()));
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    /** Runs the check: empty when it passes. */
    public Optional<QualityFinding> evaluate() {
        Violations found = evaluation.run();
        return found.count == 0
                ? Optional.empty()
                : Optional.of(new QualityFinding(code, name, found.count, found.examples, advice));
    }

    private static Violations violations(Dataset<Row> offending, List<String> keyColumns) {
        long total = offending.count();
        if (total == 0) {
            return new Violations(0, List.of());
        }
        Column[] keys = keyColumns.stream().map(c -> col(c)).toArray(Column[]::new);
        List<String> examples = offending.select(keys).orderBy(keys).limit(MAX_EXAMPLES).collectAsList().stream()
                .map(row -> describe(row, keyColumns))
                .toList();
        return new Violations(total, examples);
    }

    private static String describe(Row row, List<String> keyColumns) {
        return keyColumns.stream()
                .map(c -> c + "=" + row.getAs(c))
                .collect(Collectors.joining(" "));
    }

    @FunctionalInterface
    private interface Evaluation {
        Violations run();
    }

    private record Violations(long count, List<String> examples) {
    }
}
