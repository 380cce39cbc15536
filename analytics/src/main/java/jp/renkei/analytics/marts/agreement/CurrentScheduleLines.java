package jp.renkei.analytics.marts.agreement;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import jp.renkei.analytics.marts.adoption.MonthRange;
import jp.renkei.ingest.landing.ExchangeStatus;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The schedule lines that count now — the one rule both {@code plan_actual_agreement} and the plans' network
 * ({@code PlanLinks}) read, decided once:
 *
 * <ul>
 *   <li>Only delivered files count.</li>
 *   <li>A line counts when its file is the latest received of its kind (UPPLAN, UPJSK) for the person, month, sender
 *       and addressee, and no delete for that scope was received after it: a DLTPLAN removes the person's whole plan,
 *       a DLTJSK one office's actuals of one service type (the first two characters of a service code; a DLTJSK
 *       record carries the type itself in {@code service_code}). A file sent after the delete counts again.</li>
 *   <li>Every plan line is kept (the 第6表 sent to one office lists the person's whole month, other offices included);
 *       an actuals line only when it is the sending office's own.</li>
 *   <li>A line listed in the plans to several addressees is one row; {@code addressed} says whether any of those
 *       plans went to the line's own office (the planned side of the agreement).</li>
 * </ul>
 *
 * <p>Columns: kind (UPPLAN or UPJSK), sender_office, service_office, person_key, target_month, service_date,
 * service_code, start_time, addressed.
 *
 * <p>The lines are shuffled once, by person and month; the windows here and every aggregation of the two marts that
 * keeps person and month in its key run inside those partitions. Persisted, this frame lets both marts read the lines
 * once (the nation's month spent 160 s reading them a second time).
 */
public final class CurrentScheduleLines {
    public static final String PLAN = "UPPLAN";
    public static final String ACTUALS = "UPJSK";
    private static final String PLAN_DELETE = "DLTPLAN";
    private static final String ACTUALS_DELETE = "DLTJSK";

    private CurrentScheduleLines() {
    }

    /**
     * @param scheduleLines staged schedule lines: message_id, kind, person_key, target_month, service_date,
     *                      service_code, service_office, start_time
     * @param exchanges     de-duplicated exchanges: message_id, sender_office, recipient_office, status, received_at
     */
    public static Dataset<Row> apply(Dataset<Row> scheduleLines, Dataset<Row> exchanges, MonthRange range) {
        Dataset<Row> delivered = exchanges.where(col("status").equalTo(ExchangeStatus.DELIVERED.value()))
                .select("message_id", "sender_office", "recipient_office", "received_at");
        Dataset<Row> lines = scheduleLines.where(col("target_month").isin(range.months().toArray()))
                .select("message_id", "kind", "person_key", "target_month", "service_date", "service_code",
                        "service_office", "start_time")
                .join(delivered, "message_id")
                .repartition(col("person_key"), col("target_month"));

        // The finer window comes first: its sort order starts with the coarser one's keys, so Spark sorts the
        // partition once for both.
        Column serviceType = substring(col("service_code"), 1, 2);
        WindowSpec serviceTypeScope = Window.partitionBy(col("person_key"), col("target_month"), col("sender_office"),
                col("recipient_office"), col("service_office"), serviceType);
        WindowSpec fileScope = Window.partitionBy(col("person_key"), col("target_month"), col("sender_office"),
                col("recipient_office"));
        Column receivedFile = struct(col("received_at"), col("message_id"));
        Column kind = col("kind");
        Column latest = when(kind.equalTo(PLAN), col("_latest_plan")).when(kind.equalTo(ACTUALS), col("_latest_actuals"));
        Column deletedAt = when(kind.equalTo(PLAN), col("_plan_deleted_at"))
                .when(kind.equalTo(ACTUALS), col("_actuals_deleted_at"));
        Column ownActuals = kind.equalTo(ACTUALS).and(col("service_office").equalTo(col("sender_office")));
        return lines
                .withColumn("_actuals_deleted_at",
                        max(when(kind.equalTo(ACTUALS_DELETE), col("received_at"))).over(serviceTypeScope))
                .withColumn("_plan_deleted_at", max(when(kind.equalTo(PLAN_DELETE), col("received_at"))).over(fileScope))
                .withColumn("_latest_plan", max(when(kind.equalTo(PLAN), receivedFile)).over(fileScope))
                .withColumn("_latest_actuals", max(when(kind.equalTo(ACTUALS), receivedFile)).over(fileScope))
                .where(latest.getField("message_id").equalTo(col("message_id"))
                        .and(deletedAt.isNull().or(deletedAt.leq(col("received_at"))))
                        .and(kind.equalTo(PLAN).or(ownActuals)))
                .groupBy("kind", "sender_office", "service_office", "person_key", "target_month", "service_date",
                        "service_code", "start_time")
                .agg(max(kind.equalTo(PLAN).and(col("service_office").equalTo(col("recipient_office")))
                        .or(kind.equalTo(ACTUALS))).as("addressed"));
    }
}
