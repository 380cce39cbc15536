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
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Turns the all-string landing frames (landing columns + {@code dt}) into the typed frames of {@link StagedLanding}.
 *
 * <p>Reference datasets (municipalities, offices, applications) may be landed again and again; the row from the
 * latest {@code dt} wins per key. Exchanges are written at least once by the relay: one row per message_id is kept,
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

    public static Dataset<Row> offices(Dataset<Row> raw) {
        Dataset<Row> typed = raw.select(
                code("office_number"),
                upper(code("service_type")).as("service_type"),
                code("municipality_code"),
                code("prefecture_code"),
                col(LandingReader.DT));
        return latestPerKey(typed, "office_number", "service_type")
                .where(col("office_number").isNotNull().and(col("service_type").isNotNull()));
    }

    public static Dataset<Row> applications(Dataset<Row> raw) {
        Column text = code("applied_on");
        Column date = when(text.rlike(ISO_DATE), text.try_cast(DataTypes.DateType));
        Column startText = code("license_start");
        return raw.select(
                        code("office_number"),
                        upper(code("service_type")).as("service_type"),
                        date.as("applied_on"),
                        text.as("applied_on_text"),
                        when(startText.rlike(ISO_DATE), startText.try_cast(DataTypes.DateType)).as("license_start"),
                        code("plan"))
                .where(col("office_number").isNotNull());
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
                col(LandingReader.DT));
        Dataset<Row> latest = typed.where(col("prefecture_code").isNotNull().and(col("region_id").isNotNull()))
                .withColumn("_latest", functions.max(col(LandingReader.DT)).over(Window.partitionBy("prefecture_code")));
        return latest.where(col(LandingReader.DT).equalTo(col("_latest")))
                .drop("_latest", LandingReader.DT)
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
                        when(col("status").equalTo("delivered"), lit(0)).otherwise(lit(1)),
                        col("delivered_at").desc_nulls_last(),
                        col("received_at").desc_nulls_last(),
                        concat_ws("|", col("sender_office"), col("recipient_office"), col("target_month")))));
        return ranked.where(col("_n").equalTo(1))
                .select("message_id", "kind", "sender_office", "recipient_office", "target_month", "records", "persons",
                        "status");
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
