package jp.renkei.analytics.staging;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The staged inputs of the adoption marts.
 *
 * @param municipalities municipality_code, prefecture_code, prefecture_name, municipality_name
 * @param offices        office_number, service_type, office_name, municipality_code, prefecture_code
 * @param applications   office_number, service_type, applied_on (date), applied_on_text, plan
 * @param exchanges      message_id, sender_office, recipient_office, target_month (YYYY-MM), status
 */
public record StagedLanding(
        Dataset<Row> municipalities,
        Dataset<Row> offices,
        Dataset<Row> applications,
        Dataset<Row> exchanges) {
}
