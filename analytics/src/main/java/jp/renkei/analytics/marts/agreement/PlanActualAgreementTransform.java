package jp.renkei.analytics.marts.agreement;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import jp.renkei.analytics.marts.MartFrames;
import jp.renkei.analytics.marts.adoption.MonthRange;
import jp.renkei.ingest.landing.ExchangeRows;
import jp.renkei.marts.Mart;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
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
 */
public final class PlanActualAgreementTransform {
    private static final String PLAN = "UPPLAN";
    private static final String ACTUALS = "UPJSK";
    private static final String PLAN_DELETE = "DLTPLAN";
    private static final String ACTUALS_DELETE = "DLTJSK";

    private PlanActualAgreementTransform() {
    }

    /**
     * @param scheduleLines staged schedule lines: message_id, kind, person_key, target_month, service_date,
     *                      service_code, service_office, start_time
     * @param exchanges     de-duplicated exchanges: message_id, sender_office, recipient_office, status
     */
    public static Dataset<Row> apply(Dataset<Row> scheduleLines, Dataset<Row> exchanges, MonthRange range) {
        Dataset<Row> delivered = exchanges.where(col("status").equalTo(ExchangeRows.DELIVERED))
                .select("message_id", "sender_office", "recipient_office", "received_at");
        Dataset<Row> deliveredLines = scheduleLines.where(col("target_month").isin(range.months().toArray()))
                .join(delivered, "message_id");
        // A plan (or actuals) sent again for the same person, month and addressee replaces the earlier one: only the
        // lines of the latest file received count.
        Dataset<Row> latest = deliveredLines.where(col("kind").isin(PLAN, ACTUALS))
                .withColumn("_latest", max(struct(col("received_at"), col("message_id"))).over(Window.partitionBy(
                        col("kind"), col("person_key"), col("target_month"), col("sender_office"), col("recipient_office"))))
                .where(col("_latest.message_id").equalTo(col("message_id")))
                .drop("_latest");
        Dataset<Row> lines = latest.join(deletes(deliveredLines), removedByALaterDelete(), "left_anti");
        String[] day = {"service_office", "person_key", "target_month", "service_date", "service_code"};
        Column[] dayColumns = java.util.Arrays.stream(day).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        Dataset<Row> planned = lines.where(col("kind").equalTo(PLAN)
                        .and(col("service_office").equalTo(col("recipient_office"))))
                .select("service_office", "person_key", "target_month", "service_date", "service_code", "start_time")
                .distinct();
        Dataset<Row> actual = lines.where(col("kind").equalTo(ACTUALS)
                        .and(col("service_office").equalTo(col("sender_office"))))
                .select("service_office", "person_key", "target_month", "service_date", "service_code", "start_time")
                .distinct();

        // Per person, day and service: how many planned and actual lines, and how many agree in time too.
        Dataset<Row> plannedPerDay = planned.groupBy(dayColumns).agg(count(lit(1)).as("_planned"));
        Dataset<Row> actualPerDay = actual.groupBy(dayColumns).agg(count(lit(1)).as("_actual"));
        Dataset<Row> matchedPerDay = planned.join(actual, new String[] {"service_office", "person_key", "target_month",
                "service_date", "service_code", "start_time"}).groupBy(dayColumns).agg(count(lit(1)).as("_matched"));
        Dataset<Row> perDay = plannedPerDay.join(actualPerDay, day, "full_outer")
                .join(matchedPerDay, day, "left")
                .withColumn("_planned", coalesce(col("_planned"), lit(0L)))
                .withColumn("_actual", coalesce(col("_actual"), lit(0L)))
                .withColumn("_matched", coalesce(col("_matched"), lit(0L)));
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
        Dataset<Row> reported = actual.select(col("service_office").as("office_number"),
                col("target_month").as("month")).distinct().withColumn("actuals_received", lit(true));
        Dataset<Row> result = perOffice.join(reported, new String[] {"office_number", "month"}, "left")
                .withColumn("actuals_received", coalesce(col("actuals_received"), lit(false)))
                .withColumn("prefecture_code", substring(col("office_number"), 1, 2))
                .withColumn("agreement_rate", when(col("actuals_received"),
                        try_divide(col("matched_lines").cast(DataTypes.DoubleType),
                                col("planned_lines").cast(DataTypes.DoubleType))))
                .where(col("office_number").isNotNull());
        return MartFrames.conform(result, Mart.PLAN_ACTUAL_AGREEMENT);
    }

    /** Each delivered delete record, named by the kind of lines it removes ({@code _removes}). */
    private static Dataset<Row> deletes(Dataset<Row> deliveredLines) {
        return deliveredLines.where(col("kind").isin(PLAN_DELETE, ACTUALS_DELETE)).select(
                when(col("kind").equalTo(PLAN_DELETE), lit(PLAN)).otherwise(lit(ACTUALS)).as("_removes"),
                col("person_key").as("_deleted_person"),
                col("target_month").as("_deleted_month"),
                col("sender_office").as("_deleted_by"),
                col("recipient_office").as("_deleted_for"),
                col("service_office").as("_deleted_office"),
                col("service_code").as("_deleted_service_type"),
                col("received_at").as("_deleted_at"));
    }

    /**
     * A line is removed by a delete received after its file, between the same sender and addressee, for the same
     * person and month: DLTPLAN removes the person's whole plan of the month; DLTJSK one office's actuals of one
     * service type (the first two characters of a service code). A file sent after the delete counts again.
     */
    private static Column removedByALaterDelete() {
        Column sameScope = col("kind").equalTo(col("_removes"))
                .and(col("person_key").equalTo(col("_deleted_person")))
                .and(col("target_month").equalTo(col("_deleted_month")))
                .and(col("sender_office").equalTo(col("_deleted_by")))
                .and(col("recipient_office").equalTo(col("_deleted_for")))
                .and(col("_deleted_at").gt(col("received_at")));
        Column sameServiceType = col("service_office").equalTo(col("_deleted_office"))
                .and(substring(col("service_code"), 1, 2).equalTo(col("_deleted_service_type")));
        return sameScope.and(col("kind").equalTo(lit(PLAN)).or(sameServiceType));
    }
}
