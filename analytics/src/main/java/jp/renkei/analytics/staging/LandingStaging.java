package jp.renkei.analytics.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.renkei.analytics.io.LandingReader;
import jp.renkei.ingest.landing.ExchangeStatus;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Turns the all-string landing frames (landing columns + {@code dt}) into the typed frames of {@link StagedLanding}.
 *
 * <p>Reference datasets may be landed again and again, and each says what one landing means (docs/landing-zone.md,
 * "What one landing means"): municipalities are rows (the latest wins per code); office lists and model regions are
 * full snapshots of the prefectures they hold; the license roster is a full snapshot of the nation; effect reports
 * are rows (a later report of the same office and month corrects it). Landings are ordered by {@code dt}, then by the
 * part's {@code landed_at}. Exchanges are written at least once by the relay: one row per message_id is kept,
 * a {@code delivered} row over any other, then the latest delivered_at and received_at.
 */
public final class LandingStaging {

    private static final String YEAR_MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";
    private static final String ISO_DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    private LandingStaging() {
    }

    public static StagedLanding stage(Dataset<Row> municipalities, Dataset<Row> offices, Dataset<Row> applications,
                                      Dataset<Row> exchanges) {
        return new StagedLanding(municipalities(municipalities), offices(offices), applications(applications),
                exchanges(exchanges));
    }

    public static Dataset<Row> municipalities(Dataset<Row> raw) {
        Dataset<Row> typed = raw.select(
                code("municipality_code"),
                code("prefecture_code"),
                code("prefecture_name"),
                code("municipality_name"),
                col(LandingReader.DT));
        return latestPerKey(typed, "municipality_code").where(col("municipality_code").isNotNull());
    }

    /**
     * Offices: a landing of office lists is a full snapshot of each prefecture it holds (the public list is published
     * whole), so per prefecture only the rows of its latest landing count — an office missing from it has closed and
     * leaves the denominators. Within that landing, one row per office line.
     */
    public static Dataset<Row> offices(Dataset<Row> raw) {
        Dataset<Row> typed = raw.select(
                code("office_number"),
                upper(code("service_type")).as("service_type"),
                code("office_name"),
                code("municipality_code"),
                code("prefecture_code"),
                col(LandingReader.DT),
                landedAt(raw));
        Dataset<Row> latest = latestLandingPer(typed.where(col("office_number").isNotNull()
                .and(col("service_type").isNotNull())), "prefecture_code");
        return latestPerKey(latest.drop(LandingReader.LANDED_AT), "office_number", "service_type");
    }

    public static Dataset<Row> applications(Dataset<Row> raw) {
        Column text = code("applied_on");
        Column date = when(text.rlike(ISO_DATE), text.try_cast(DataTypes.DateType));
        Column startText = code("license_start");
        Dataset<Row> typed = raw.select(
                        code("office_number"),
                        upper(code("service_type")).as("service_type"),
                        date.as("applied_on"),
                        text.as("applied_on_text"),
                        when(startText.rlike(ISO_DATE), startText.try_cast(DataTypes.DateType)).as("license_start"),
                        code("plan"),
                        col(LandingReader.DT),
                        landedAt(raw))
                .where(col("office_number").isNotNull())
                .withColumn("_landing", landingOrder());
        // The license roster is the whole list each time: only its latest landing counts, so landing it twice does
        // not count an office twice and a corrected row replaces the old one. (A one-row aggregate, not a window over
        // the whole roster, which Spark would gather into one partition.)
        return typed.crossJoin(typed.agg(functions.max("_landing").as("_latest")))
                .where(col("_landing").equalTo(col("_latest")))
                .drop("_landing", "_latest", LandingReader.DT, LandingReader.LANDED_AT);
    }

    /**
     * Schedule lines of the 第6表 (UPPLAN) and of the actuals (UPJSK), and the deletes of either (DLTPLAN, DLTJSK: one
     * row per delete record, naming the person and month and, for DLTJSK, the office and service type in
     * service_office and service_code): the keys of plan/actual agreement. A relay replay
     * repeats a message's rows exactly; the agreement counts distinct lines, which drops those repeats without a
     * shuffle of every line here (two identical lines — same person, day, service and time — cannot both be real).
     */
    public static Dataset<Row> scheduleLines(Dataset<Row> raw) {
        Column month = code("target_month");
        Column normalized = when(month.rlike("^[0-9]{6}$"), regexp_replace(month, "^([0-9]{4})([0-9]{2})$", "$1-$2"))
                .otherwise(month);
        return raw.select(
                        code("message_id"),
                        upper(code("kind")).as("kind"),
                        code("person_key"),
                        normalized.as("target_month"),
                        code("service_date"),
                        code("service_code"),
                        code("service_office"),
                        code("start_time"))
                .where(col("message_id").isNotNull().and(col("kind").isin("UPPLAN", "UPJSK", "DLTPLAN", "DLTJSK")));
    }

    /**
     * Effect reports: one row per office × month, a later landing correcting an earlier one (latest {@code dt}
     * wins); measures as doubles, users as bigint; unparseable numbers become null.
     */
    public static Dataset<Row> effectReports(Dataset<Row> raw) {
        Dataset<Row> typed = raw.select(
                code("office_number"),
                code("month"),
                number("input_hours"),
                number("overtime_hours"),
                number("sheets_printed"),
                number("paper_postage_yen"),
                number("returned_claims"),
                number("care_managers_fte"),
                when(code("users").rlike("^[0-9]{1,9}$"), code("users").cast(DataTypes.LongType)).as("users"),
                col(LandingReader.DT));
        return latestPerKey(typed.where(col("office_number").isNotNull().and(isYearMonth(col("month")))),
                "office_number", "month");
    }

    /**
     * Model regions: a landing is the full list of its prefectures' regions, so per prefecture only the rows of the
     * latest {@code dt} count — a region or member left out of a newer file is gone.
     */
    public static Dataset<Row> modelRegions(Dataset<Row> raw) {
        Dataset<Row> typed = raw.select(
                code("prefecture_code"),
                code("region_id"),
                code("region_name"),
                when(code("budget_yen").rlike("^[0-9]{1,15}$"), code("budget_yen").cast(DataTypes.LongType)).as("budget_yen"),
                code("start_month"),
                code("member_type"),
                code("member_code"),
                col(LandingReader.DT),
                landedAt(raw));
        return latestLandingPer(typed.where(col("prefecture_code").isNotNull().and(col("region_id").isNotNull())),
                "prefecture_code")
                .drop(LandingReader.DT, LandingReader.LANDED_AT)
                .dropDuplicates("region_id", "member_type", "member_code");
    }

    /** One row per message_id; target_month as {@code YYYY-MM} (a {@code YYYYMM} 対象年月 is reformatted). */
    public static Dataset<Row> exchanges(Dataset<Row> raw) {
        Column month = code("target_month");
        Column normalized = when(month.rlike("^[0-9]{6}$"), regexp_replace(month, "^([0-9]{4})([0-9]{2})$", "$1-$2"))
                .otherwise(month);
        Dataset<Row> typed = raw.select(
                code("message_id"),
                upper(code("kind")).as("kind"),
                code("sender_office"),
                code("recipient_office"),
                normalized.as("target_month"),
                count("records"),
                count("persons"),
                code("status"),
                code("delivered_at"),
                code("received_at"));
        Dataset<Row> ranked = typed.where(col("message_id").isNotNull()).withColumn("_n", row_number().over(
                Window.partitionBy("message_id").orderBy(
                        when(col("status").equalTo(ExchangeStatus.DELIVERED.value()), lit(0)).otherwise(lit(1)),
                        col("delivered_at").desc_nulls_last(),
                        col("received_at").desc_nulls_last(),
                        concat_ws("|", col("sender_office"), col("recipient_office"), col("target_month")))));
        return ranked.where(col("_n").equalTo(1))
                .select("message_id", "kind", "sender_office", "recipient_office", "target_month", "records", "persons",
                        "status", "received_at");
    }

    /**
     * One row per check_id (the relay lands each check once; a repeated part would repeat it): latency_ms as bigint,
     * checked_at as a timestamp, checked_at_text kept for the quality check of unparseable instants.
     */
    public static Dataset<Row> cardChecks(Dataset<Row> raw) {
        Column checkedAt = code("checked_at");
        Column latency = code("latency_ms");
        Dataset<Row> typed = raw.select(
                code("check_id"),
                code("office"),
                code("insurer"),
                code("method"),
                code("result"),
                code("failure_reason"),
                when(latency.rlike("^[0-9]{1,18}$"), latency.cast(DataTypes.LongType)).as("latency_ms"),
                checkedAt.try_cast(DataTypes.TimestampType).as("checked_at"),
                checkedAt.as("checked_at_text"),
                col(LandingReader.DT));
        return typed.where(col("check_id").isNotNull())
                .withColumn("_n", row_number().over(Window.partitionBy("check_id")
                        .orderBy(col(LandingReader.DT).asc_nulls_last(), col("checked_at_text").asc_nulls_last())))
                .where(col("_n").equalTo(1))
                .drop("_n", LandingReader.DT);
    }

    /** Whether a staged target_month is a valid {@code YYYY-MM}; used by the quality checks. */
    public static Column isYearMonth(Column month) {
        return month.rlike(YEAR_MONTH);
    }

    /** The part's landing time when the reader supplied it (test frames may not): null otherwise. */
    private static Column landedAt(Dataset<Row> raw) {
        return Arrays.asList(raw.columns()).contains(LandingReader.LANDED_AT)
                ? col(LandingReader.LANDED_AT) : lit(null).cast(DataTypes.TimestampType).as(LandingReader.LANDED_AT);
    }

    /** A text that sorts landings in the order they landed: dt, then the part's landed_at. */
    private static Column landingOrder() {
        return concat_ws("|", functions.coalesce(col(LandingReader.DT), lit("")),
                functions.coalesce(functions.date_format(col(LandingReader.LANDED_AT), "yyyy-MM-dd HH:mm:ss.SSSSSS"),
                        lit("")));
    }

    /** The rows of the latest landing (latest dt, then latest landed_at) of each {@code group}. */
    private static Dataset<Row> latestLandingPer(Dataset<Row> typed, String group) {
        return typed.withColumn("_landing", landingOrder())
                .withColumn("_latest", functions.max(col("_landing")).over(Window.partitionBy(group)))
                .where(col("_landing").equalTo(col("_latest")))
                .drop("_landing", "_latest");
    }

    private static Dataset<Row> latestPerKey(Dataset<Row> typed, String... key) {
        List<String> keyColumns = List.of(key);
        List<Column> order = new ArrayList<>();
        order.add(col(LandingReader.DT).desc_nulls_last());
        Arrays.stream(typed.columns())
                .filter(c -> !keyColumns.contains(c) && !c.equals(LandingReader.DT))
                .forEach(c -> order.add(col(c).asc_nulls_last())); // ties within one dt: deterministic
        Column[] partition = keyColumns.stream().map(functions::col).toArray(Column[]::new);
        return typed.withColumn("_n", row_number().over(
                        Window.partitionBy(partition).orderBy(order.toArray(Column[]::new))))
                .where(col("_n").equalTo(1))
                .drop("_n", LandingReader.DT);
    }

    /** A whole count as bigint; anything else (or empty) null. */
    private static Column count(String column) {
        Column text = code(column);
        return when(text.rlike("^[0-9]{1,15}$"), text.cast(DataTypes.LongType)).as(column);
    }

    /** A decimal number as double; anything else (or empty) null. */
    private static Column number(String column) {
        Column text = code(column);
        return when(text.rlike("^-?[0-9]{1,12}(\\.[0-9]+)?$"), text.cast(DataTypes.DoubleType)).as(column);
    }

    /** A trimmed value; empty means unknown (null). */
    private static Column code(String column) {
        return nullif(trim(col(column)), lit("")).as(column);
    }
}
