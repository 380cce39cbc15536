package jp.renkei.analytics.marts.savings;

import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.renkei.analytics.marts.MartFrames;
import jp.renkei.analytics.marts.adoption.MonthRange;
import jp.renkei.ingest.landing.ExchangeStatus;
import jp.renkei.marts.Mart;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * {@code office_savings}: month × office, what its delivered files saved under the {@link SavingsModel}, with its own
 * effect report beside — never mixed into — the model (docs/marts.md).
 *
 * <ul>
 *   <li>A document is one person's 第6表 (+ 第7表) for one addressee: the persons of a UPPLAN file, or of a UPJSK
 *       file (the actuals sent back). The sender saves its paper, postage and handling.</li>
 *   <li>A line is a record of a UPPLAN or UPJSK file: the receiver saves keying it in.</li>
 *   <li>Files count by 対象年月, delivered only; held files saved nothing yet.</li>
 * </ul>
 */
public final class OfficeSavingsTransform {

    static final int BONUS_PARTNERS = 5;
    private static final String CARE_MANAGEMENT = "43";
    private static final Object[] SCHEDULE_KINDS = {"UPPLAN", "UPJSK"};

    private OfficeSavingsTransform() {
    }

    /**
     * @param exchanges     de-duplicated exchanges: kind, sender_office, recipient_office, target_month, records,
     *                      persons, status
     * @param offices       staged offices: office_number, municipality_code
     * @param effectReports staged effect reports: office_number, month, sheets_printed, input_hours
     * @param applications  staged applications: office_number, license_start
     */
    public static Dataset<Row> apply(Dataset<Row> exchanges, Dataset<Row> offices, Dataset<Row> effectReports,
                                     Dataset<Row> applications, SavingsModel model, MonthRange range) {
        Dataset<Row> delivered = exchanges.where(col("status").equalTo(ExchangeStatus.DELIVERED.value())
                .and(col("target_month").isin(range.months().toArray())));
        Column schedule = col("kind").isin(SCHEDULE_KINDS);
        Dataset<Row> sent = delivered.groupBy(col("sender_office").as("office_number"), col("target_month").as("month"))
                .agg(count(lit(1)).as("files_sent"),
                        sum(when(schedule, coalesce(col("persons"), lit(0L))).otherwise(0L)).as("documents_sent"),
                        collect_set("recipient_office").as("_sent_to"));
        Dataset<Row> received = delivered.groupBy(col("recipient_office").as("office_number"),
                        col("target_month").as("month"))
                .agg(count(lit(1)).as("files_received"),
                        sum(when(schedule, coalesce(col("records"), lit(0L))).otherwise(0L)).as("lines_received"),
                        collect_set("sender_office").as("_received_from"));
        Column noPartners = org.apache.spark.sql.functions.array().cast("array<string>");
        Dataset<Row> activity = sent.join(received, new String[] {"office_number", "month"}, "full_outer")
                .withColumn("files_sent", coalesce(col("files_sent"), lit(0L)))
                .withColumn("files_received", coalesce(col("files_received"), lit(0L)))
                .withColumn("documents_sent", coalesce(col("documents_sent"), lit(0L)))
                .withColumn("lines_received", coalesce(col("lines_received"), lit(0L)))
                .withColumn("linked_partners", size(array_union(coalesce(col("_sent_to"), noPartners),
                        coalesce(col("_received_from"), noPartners))).cast(DataTypes.LongType))
                .withColumn("partners_to_bonus", greatest(lit(0L), lit((long) BONUS_PARTNERS).minus(col("linked_partners"))));

        Dataset<Row> parameterised = withOverrides(activity, model);
        Column documents = col("documents_sent").cast(DataTypes.DoubleType);
        Column perHour = lit(1 / 60.0);
        Dataset<Row> modelled = parameterised
                .withColumn("sheets_saved", documents.multiply(parameter(parameterised, model, "sheets.per.document")))
                .withColumn("postage_saved_yen", documents.multiply(parameter(parameterised, model, "postage.yen.per.document"))
                        .multiply(parameter(parameterised, model, "mailed.share")))
                .withColumn("handling_hours_saved", documents
                        .multiply(parameter(parameterised, model, "handling.minutes.per.document")).multiply(perHour))
                .withColumn("transcription_hours_saved", col("lines_received").cast(DataTypes.DoubleType)
                        .multiply(parameter(parameterised, model, "transcription.minutes.per.line")).multiply(perHour))
                .withColumn("savings_yen", col("sheets_saved").multiply(parameter(parameterised, model, "paper.yen.per.sheet"))
                        .plus(col("postage_saved_yen"))
                        .plus(col("handling_hours_saved").plus(col("transcription_hours_saved"))
                                .multiply(parameter(parameterised, model, "staff.yen.per.hour"))))
                .withColumn("license_yen", lit(model.licenseYenPerYear() / 12.0))
                .withColumn("net_savings_yen", col("savings_yen").minus(col("license_yen")));

        Dataset<Row> located = offices.groupBy("office_number").agg(min("municipality_code").as("municipality_code"),
                max(when(col("service_type").equalTo(CARE_MANAGEMENT), true).otherwise(false)).as("_care_management"));
        Dataset<Row> result = modelled
                .withColumn("prefecture_code", substring(col("office_number"), 1, 2))
                .join(located, new String[] {"office_number"}, "left")
                .join(reported(effectReports, applications), new String[] {"office_number", "month"}, "left");
        return MartFrames.conform(withBandTwoEffect(result, model), Mart.OFFICE_SAVINGS);
    }

    /**
     * What 居宅介護支援費(Ⅱ) changes for a 居宅介護支援 office's reported caseload against (Ⅰ): more for the users from 45
     * to 49 per care manager, slightly less above 50. Only reports give cases per care manager, so other offices get
     * null. The 介護予防支援 users (weighted 1/3 in the official count) are not in the reports: all users count as one.
     */
    static Dataset<Row> withBandTwoEffect(Dataset<Row> rows, SavingsModel model) {
        Column users = col("reported_users");
        Column careManagers = col("reported_care_managers_fte");
        Column reported = users.isNotNull().and(careManagers.gt(0));
        Column share = parameter(rows, model, "care.levels.1-2.share");
        Column difference = CareManagementFee.II.monthlyUnits(users, careManagers, share)
                .minus(CareManagementFee.I.monthlyUnits(users, careManagers, share))
                .multiply(parameter(rows, model, "yen.per.unit"));
        return rows
                .withColumn("cases_per_care_manager", when(reported, users.cast(DataTypes.DoubleType).divide(careManagers)))
                .withColumn("band_ii_revenue_effect_yen",
                        when(reported.and(coalesce(col("_care_management"), lit(false))), difference));
    }

    /** Joins each office's own values ({@link SavingsOverrides}) as nullable columns; none when there are none. */
    static Dataset<Row> withOverrides(Dataset<Row> rows, SavingsModel model) {
        if (model.overrides().isEmpty()) {
            return rows;
        }
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("office_number", DataTypes.StringType, false));
        SavingsOverrides.PARAMETERS.forEach(parameter -> fields.add(DataTypes.createStructField(
                SavingsOverrides.column(parameter), DataTypes.DoubleType, true)));
        List<Row> offices = new ArrayList<>();
        model.overrides().byOffice().forEach((office, values) -> {
            Object[] row = new Object[fields.size()];
            row[0] = office;
            for (int i = 0; i < SavingsOverrides.PARAMETERS.size(); i++) {
                row[i + 1] = values.get(SavingsOverrides.PARAMETERS.get(i));
            }
            offices.add(RowFactory.create(row));
        });
        Dataset<Row> overrides = rows.sparkSession().createDataFrame(offices, DataTypes.createStructType(fields));
        return rows.join(org.apache.spark.sql.functions.broadcast(overrides), new String[] {"office_number"}, "left");
    }

    /** An office's value of a parameter: its own where it set one, else the model's. */
    static Column parameter(Dataset<Row> rows, SavingsModel model, String parameter) {
        String column = SavingsOverrides.column(parameter);
        return Arrays.asList(rows.columns()).contains(column)
                ? coalesce(col(column), lit(model.value(parameter))) : lit(model.value(parameter));
    }

    /** Each office's report of the month and its own mean over the six months before adoption. */
    private static Dataset<Row> reported(Dataset<Row> effectReports, Dataset<Row> applications) {
        Dataset<Row> adoption = applications.where(col("license_start").isNotNull()).groupBy("office_number")
                .agg(date_format(min("license_start"), "yyyy-MM").as("_adoption_month"));
        Column monthsSince = months_between(to_date(concat(col("month"), lit("-01"))),
                to_date(concat(col("_adoption_month"), lit("-01"))));
        Dataset<Row> reports = effectReports.join(adoption, new String[] {"office_number"}, "left")
                .withColumn("_before", monthsSince.between(-6, -1));
        Dataset<Row> baselines = reports.where(col("_before")).groupBy("office_number")
                .agg(avg("sheets_printed").as("baseline_sheets_printed"), avg("input_hours").as("baseline_input_hours"));
        return reports.groupBy("office_number", "month")
                .agg(first("sheets_printed", true).as("reported_sheets_printed"),
                        first("input_hours", true).as("reported_input_hours"),
                        first("users", true).as("reported_users"),
                        first("care_managers_fte", true).as("reported_care_managers_fte"))
                .join(baselines, new String[] {"office_number"}, "left");
    }
}
