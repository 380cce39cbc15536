package jp.renkei.analytics.marts.cardcheck;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;

import jp.renkei.marts.Mart;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code card_check_activity}: month × municipality × office (docs/marts.md).
 *
 * <ul>
 *   <li>A check's month is the Japanese calendar month (Asia/Tokyo) of its {@code checked_at}.</li>
 *   <li>A check succeeded when the relay answered with the person's record: result {@code eligible} or
 *       {@code not_eligible} (the check worked; the person was outside the 認定有効期間). {@code failed} is the rest.</li>
 *   <li>Latency percentiles (exact) are over the succeeded checks only: a failure's time says how long the user
 *       waited for a card or a reader, not how fast a check is.</li>
 *   <li>The office's municipality and prefecture come from its latest {@code offices} rows; an office that is not
 *       in {@code offices} keeps a row with a null municipality and the prefecture of its number's first two digits.</li>
 * </ul>
 * Only office-months with at least one check have a row. Needs {@code spark.sql.session.timeZone=UTC}.
 */
public final class CardCheckActivityTransform {

    public static final String MART = Mart.CARD_CHECK_ACTIVITY.folder();
    public static final List<String> KEY = Mart.CARD_CHECK_ACTIVITY.key();
    public static final List<String> COLUMNS = Mart.CARD_CHECK_ACTIVITY.columnNames();

    static final String JAPAN = "Asia/Tokyo";

    private CardCheckActivityTransform() {
    }

    /**
     * @param cardChecks     staged card checks: check_id, office, method, result, failure_reason, latency_ms (bigint),
     *                       checked_at (timestamp)
     * @param offices        staged offices: office_number, service_type, municipality_code, prefecture_code
     * @param municipalities staged municipalities: municipality_code, municipality_name
     */
    public static Dataset<Row> apply(Dataset<Row> cardChecks, Dataset<Row> offices, Dataset<Row> municipalities) {
        Column succeeded = coalesce(col("result").isin("eligible", "not_eligible"), lit(false));
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(count(lit(1)).as("checks"));
        aggregates.add(countWhere(succeeded).as("successes"));
        aggregates.add(countWhere(col("result").equalTo("eligible")).as("eligible"));
        aggregates.add(countWhere(col("result").equalTo("not_eligible")).as("not_eligible"));
        aggregates.add(countWhere(not(succeeded)).as("failed"));
        for (String method : List.of("pin", "face", "visual")) {
            aggregates.add(countWhere(col("method").equalTo(method)).as("checks_" + method));
        }
        Column failed = not(succeeded);
        for (String reason : FailureReason.KNOWN) {
            aggregates.add(countWhere(failed.and(col("failure_reason").equalTo(reason))).as(FailureReason.column(reason)));
        }
        aggregates.add(countWhere(failed.and(not(coalesce(col("failure_reason"), lit(""))
                .isin(FailureReason.KNOWN.toArray())))).as(FailureReason.column(FailureReason.OTHER)));
        Column succeededLatency = when(succeeded, col("latency_ms").cast(DataTypes.DoubleType));
        aggregates.add(percentile(succeededLatency, lit(0.5)).as("latency_p50_ms"));
        aggregates.add(percentile(succeededLatency, lit(0.95)).as("latency_p95_ms"));

        Dataset<Row> perOfficeMonth = cardChecks
                .where(col("office").isNotNull().and(col("checked_at").isNotNull()))
                .withColumn("month", date_format(from_utc_timestamp(col("checked_at"), JAPAN), "yyyy-MM"))
                .groupBy(col("month"), col("office").as("office_number"))
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));

        Dataset<Row> located = offices.where(col("office_number").isNotNull())
                .groupBy("office_number")
                .agg(min("municipality_code").as("municipality_code"), min("prefecture_code").as("office_prefecture"));
        Dataset<Row> names = municipalities.select("municipality_code", "municipality_name");

        Dataset<Row> joined = perOfficeMonth
                .join(located, new String[] {"office_number"}, "left")
                .join(names, new String[] {"municipality_code"}, "left")
                .withColumn("prefecture_code", coalesce(col("office_prefecture"), substring(col("office_number"), 1, 2)))
                .withColumn("success_rate", try_divide(col("successes").cast(DataTypes.DoubleType),
                        col("checks").cast(DataTypes.DoubleType)));
        return joined.select(COLUMNS.stream().map(CardCheckActivityTransform::typed).toArray(Column[]::new));
    }

    private static Column typed(String column) {
        if (column.startsWith("latency_") || column.equals("success_rate")) {
            return col(column).cast(DataTypes.DoubleType);
        }
        if (column.equals("checks") || column.equals("successes") || column.equals("eligible")
                || column.equals("not_eligible") || column.equals("failed") || column.startsWith("checks_")
                || column.startsWith("failures_")) {
            return col(column).cast(DataTypes.LongType);
        }
        return col(column);
    }

    private static Column countWhere(Column condition) {
        return sum(when(condition, lit(1L)).otherwise(lit(0L)));
    }

    private static Column not(Column condition) {
        return org.apache.spark.sql.functions.not(condition);
    }
}
