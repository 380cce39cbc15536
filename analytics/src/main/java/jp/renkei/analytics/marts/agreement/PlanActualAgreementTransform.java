package jp.renkei.analytics.marts.agreement;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import jp.renkei.analytics.marts.MartFrames;
import jp.renkei.analytics.marts.adoption.MonthRange;
import jp.renkei.marts.Mart;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code plan_actual_agreement}: per service office and month, how its actuals (UPJSK it sent) agree with its lines
 * of the plan (UPPLAN lines naming it as 事業所, in files addressed to it), line by line (docs/marts.md).
 *
 * <ul>
 *   <li>A line is person × 対象年月 × service date × service code × start time; a plan that lists the same line in
 *       several files (the 第6表 goes whole to each office) counts it once.</li>
 *   <li>A plan sent again for the same person, month and addressee replaces the earlier one (the latest received
 *       counts); so do actuals sent again. A DLTPLAN received later removes the person's plan of the month for that
 *       addressee; a DLTJSK received later removes one office's actuals of one service type.</li>
 *   <li>matched: in both. moved: the same person, date and code in both, at another time. cancelled: planned, not
 *       in the actuals at all that day. added: in the actuals, not planned that day.</li>
 *   <li>Only delivered files count. A month without the office's actuals has its planned lines and a null rate: the
 *       actuals may still come.</li>
 * </ul>
 *
 * <p>Which lines count is {@link CurrentScheduleLines}'s, shared with the plans' network. Every rule is decided among
 * the lines of one person and month, so the lines are shuffled once, by person and month, and the windows and the two
 * line-level aggregations after it run inside those partitions; only the last roll-up to office and month moves data
 * again. Nothing is joined back to the lines: at the nation's 122 M lines a plan that read them for each branch
 * (planned, actual, matched, received) and sorted them for a window of its own did not finish (docs/demo-nation.md).
 */
public final class PlanActualAgreementTransform {
    private PlanActualAgreementTransform() {
    }

    /**
     * @param scheduleLines staged schedule lines: message_id, kind, person_key, target_month, service_date,
     *                      service_code, service_office, start_time
     * @param exchanges     de-duplicated exchanges: message_id, sender_office, recipient_office, status, received_at
     */
    public static Dataset<Row> apply(Dataset<Row> scheduleLines, Dataset<Row> exchanges, MonthRange range) {
        return fromCurrentLines(CurrentScheduleLines.apply(scheduleLines, exchanges, range));
    }

    /** @param currentLines {@link CurrentScheduleLines} of the months to compute */
    public static Dataset<Row> fromCurrentLines(Dataset<Row> currentLines) {
        Column planned = col("kind").equalTo(CurrentScheduleLines.PLAN).and(col("addressed"));
        Column actual = col("kind").equalTo(CurrentScheduleLines.ACTUALS);
        Dataset<Row> slots = currentLines
                .where(planned.or(actual))
                .groupBy("service_office", "person_key", "target_month", "service_date", "service_code", "start_time")
                .agg(max(when(planned, lit(1L)).otherwise(lit(0L))).as("_planned"),
                        max(when(actual, lit(1L)).otherwise(lit(0L))).as("_actual"));
        Dataset<Row> perDay = slots
                .groupBy("service_office", "person_key", "target_month", "service_date", "service_code")
                .agg(sum("_planned").as("_planned"), sum("_actual").as("_actual"),
                        sum(col("_planned").multiply(col("_actual"))).as("_matched"));

        Column plannedLeft = col("_planned").minus(col("_matched"));
        Column actualLeft = col("_actual").minus(col("_matched"));
        Column moved = least(plannedLeft, actualLeft);
        Dataset<Row> perOffice = perDay
                .withColumn("_moved", moved)
                .withColumn("_cancelled", greatest(lit(0L), plannedLeft.minus(moved)))
                .withColumn("_added", greatest(lit(0L), actualLeft.minus(moved)))
                .groupBy(col("service_office").as("office_number"), col("target_month").as("month"))
                .agg(sum("_planned").as("planned_lines"), sum("_actual").as("actual_lines"),
                        sum("_matched").as("matched_lines"), sum("_moved").as("moved_lines"),
                        sum("_cancelled").as("cancelled_lines"), sum("_added").as("added_lines"));
        Dataset<Row> result = perOffice
                .withColumn("actuals_received", col("actual_lines").gt(0))
                .withColumn("prefecture_code", substring(col("office_number"), 1, 2))
                .withColumn("agreement_rate", when(col("actuals_received"),
                        try_divide(col("matched_lines").cast(DataTypes.DoubleType),
                                col("planned_lines").cast(DataTypes.DoubleType))))
                .where(col("office_number").isNotNull());
        return MartFrames.conform(result, Mart.PLAN_ACTUAL_AGREEMENT);
    }
}
