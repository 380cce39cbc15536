package jp.renkei.analytics.marts.adoption;

import static jp.renkei.analytics.Frames.row;
import static jp.renkei.analytics.Frames.strings;
import static org.apache.spark.sql.functions.col;

import java.util.HashMap;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * A tiny nation for the adoption transforms. Prefecture 31 has A (311006, four in-scope office lines), B (312011,
 * two) and C (313009, none); prefecture 32 has D (321001, two).
 *
 * <pre>
 * office       type  where  applied on               active (delivered, target_month)
 * 3100000001   43    A      2024-01-31 (a month end)  2024-01 as sender (the message landed twice)
 * 3100000001   11    A      (same number)             (same number)
 * 3100000002   43    A      2024-02-01                2024-02 only in a held exchange: not active
 * 3100000003   15    A      -                         2024-01 as recipient
 * 3100000004   51    A      2023-01-01                -   (51 is a facility: out of scope)
 * 3100000011   43    B      2023-12-15, 2024-03-01    -
 * 3100000012   2A    B      -                         -
 * 3200000001   43    D      2024-01-01                2024-02 as sender
 * 3200000002   13    D      2024-01-10                2024-02 as recipient
 * </pre>
 */
final class AdoptionFixture {

    static final String A = "311006";
    static final String B = "312011";
    static final String C = "313009";
    static final String D = "321001";
    static final MonthRange RANGE = MonthRange.of("2024-01", "2024-04");

    private AdoptionFixture() {
    }

    static Dataset<Row> municipalities() {
        return strings("municipality_code,prefecture_code,prefecture_name,municipality_name",
                row(A, "31", "鳥取県", "鳥取市"),
                row(B, "31", "鳥取県", "米子市"),
                row(C, "31", "鳥取県", "日野町"),
                row(D, "32", "島根県", "松江市"));
    }

    static Dataset<Row> offices() {
        return strings("office_number,service_type,municipality_code,prefecture_code",
                row("3100000001", "43", A, "31"),
                row("3100000001", "11", A, "31"),
                row("3100000002", "43", A, "31"),
                row("3100000003", "15", A, "31"),
                row("3100000004", "51", A, "31"),
                row("3100000011", "43", B, "31"),
                row("3100000012", "2A", B, "31"),
                row("3200000001", "43", D, "32"),
                row("3200000002", "13", D, "32"));
    }

    static Dataset<Row> applications() {
        return strings("office_number,applied_on",
                row("3100000001", "2024-01-31"),
                row("3100000002", "2024-02-01"),
                row("3100000004", "2023-01-01"),
                row("3100000011", "2023-12-15"),
                row("3100000011", "2024-03-01"),
                row("3200000001", "2024-01-01"),
                row("3200000002", "2024-01-10"))
                .withColumn("applied_on", col("applied_on").cast(DataTypes.DateType));
    }

    static Dataset<Row> exchanges() {
        return strings("message_id,sender_office,recipient_office,target_month,status",
                row("m1", "3100000001", "3100000003", "2024-01", "delivered"),
                row("m1", "3100000001", "3100000003", "2024-01", "delivered"),
                row("m2", "3100000002", "9999999999", "2024-02", "held"),
                row("m3", "3200000001", "3200000002", "2024-02", "delivered"));
    }

    static Dataset<Row> municipalAdoption() {
        return MunicipalAdoptionTransform.apply(offices(), municipalities(), applications(), exchanges(), RANGE);
    }

    /** Rows by {@code month|scope|code}. */
    static Map<String, Row> byKey(Dataset<Row> mart, String codeColumn) {
        Map<String, Row> rows = new HashMap<>();
        for (Row r : mart.collectAsList()) {
            String key = r.getAs("month") + "|" + r.getAs("denominator_scope") + "|" + r.getAs(codeColumn);
            if (rows.put(key, r) != null) {
                throw new AssertionError("duplicate key " + key);
            }
        }
        return rows;
    }
}
