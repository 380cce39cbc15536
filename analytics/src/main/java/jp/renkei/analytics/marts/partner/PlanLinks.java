package jp.renkei.analytics.marts.partner;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import jp.renkei.analytics.marts.adoption.MonthRange;
import jp.renkei.analytics.marts.agreement.CurrentScheduleLines;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The network the plans reveal: per month, for each office that sent plans (UPPLAN) and each other office those plans
 * name, how many persons they share and how many lines. The 第6表 a care manager sends to one office lists the
 * person's whole month, every office included — also offices not on the system, which is what makes them visible.
 *
 * <ul>
 *   <li>A plan counts as in {@code plan_actual_agreement} ({@link CurrentScheduleLines}): the latest UPPLAN received
 *       for the person, month, sender and addressee, unless a DLTPLAN for that scope was received after it. A line
 *       listed in the plans to several addressees counts once.</li>
 *   <li>Only what adopting offices sent is visible: the persons of a care manager not on the system, and of one whose
 *       partners are all off the system (it sends nothing), are not in these counts.</li>
 *   <li>A partner is on the system in a month when it applied for a license by the month's end, as {@code offices_applied}.</li>
 * </ul>
 *
 * <p>Columns: month, office_number (the sender), partner_office_number, partner_service_type, partner_adopted,
 * persons_shared, partner_lines, plan_lines.
 */
public final class PlanLinks {
    private PlanLinks() {
    }

    /**
     * @param scheduleLines staged schedule lines: message_id, kind, person_key, target_month, service_date,
     *                      service_code, service_office, start_time
     * @param exchanges     de-duplicated exchanges: message_id, sender_office, recipient_office, status, received_at
     * @param applications  staged applications: office_number, applied_on (date)
     */
    public static Dataset<Row> apply(Dataset<Row> scheduleLines, Dataset<Row> exchanges, Dataset<Row> applications,
                                     MonthRange range) {
        return fromCurrentLines(CurrentScheduleLines.apply(scheduleLines, exchanges, range), applications);
    }

    /**
     * @param currentLines {@link CurrentScheduleLines} of the months to compute
     * @param applications staged applications: office_number, applied_on (date)
     */
    public static Dataset<Row> fromCurrentLines(Dataset<Row> currentLines, Dataset<Row> applications) {
        // One row per plan line already: the current lines are distinct by kind, sender, office and line.
        Dataset<Row> perPersonAndOffice = currentLines
                .where(col("kind").equalTo(CurrentScheduleLines.PLAN))
                .groupBy("sender_office", "person_key", "target_month", "service_office")
                .agg(count(lit(1)).as("_lines"), min(substring(col("service_code"), 1, 2)).as("_service_type"))
                .withColumn("_plan_lines", sum("_lines").over(Window.partitionBy("sender_office", "person_key",
                        "target_month")));

        Dataset<Row> links = perPersonAndOffice
                .where(col("service_office").isNotNull().and(col("service_office").notEqual(col("sender_office"))))
                .groupBy(col("target_month").as("month"), col("sender_office").as("office_number"),
                        col("service_office").as("partner_office_number"))
                .agg(min("_service_type").as("partner_service_type"), count(lit(1)).as("persons_shared"),
                        sum("_lines").as("partner_lines"), sum("_plan_lines").as("plan_lines"));

        Dataset<Row> applied = applications.where(col("applied_on").isNotNull()).groupBy("office_number")
                .agg(date_format(min("applied_on"), "yyyy-MM").as("_applied_month"))
                .withColumnRenamed("office_number", "partner_office_number");
        return links.join(applied, new String[] {"partner_office_number"}, "left")
                .withColumn("partner_adopted", col("_applied_month").isNotNull()
                        .and(col("_applied_month").leq(col("month"))))
                .drop("_applied_month");
    }
}
