package jp.renkei.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jp.renkei.analytics.io.LandingReader;
import jp.renkei.ingest.landing.LandingDataset;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Small hand-written frames for tests: string columns ({@code null} for unknown), or typed ones from a DDL schema. */
public final class Frames {

    private Frames() {
    }

    /** A frame with the comma-separated columns and the given rows (each as long as the column list). */
    public static Dataset<Row> strings(String columns, String[]... rows) {
        List<StructField> fields = new ArrayList<>();
        for (String column : columns.split(",")) {
            fields.add(DataTypes.createStructField(column.strip(), DataTypes.StringType, true));
        }
        StructType schema = DataTypes.createStructType(fields);
        List<Row> data = new ArrayList<>();
        for (String[] row : rows) {
            if (row.length != fields.size()) {
                throw new IllegalArgumentException("row " + Arrays.toString(row) + " does not match " + columns);
            }
            data.add(RowFactory.create((Object[]) row));
        }
        return SparkTestSession.spark().createDataFrame(data, schema);
    }

    /**
     * A raw landing frame as {@code LandingReader} gives it: the dataset's columns as strings, then {@code dt}, then
     * {@code landed_at} (each row ends with both, the latter as {@code yyyy-MM-dd HH:mm:ss}).
     */
    public static Dataset<Row> landed(LandingDataset dataset, String[]... rows) {
        return strings(String.join(",", dataset.columns()) + "," + LandingReader.DT + "," + LandingReader.LANDED_AT, rows)
                .withColumn(LandingReader.LANDED_AT, org.apache.spark.sql.functions.col(LandingReader.LANDED_AT)
                        .cast(DataTypes.TimestampType));
    }

    /** A frame of typed columns from a DDL schema ({@code "users bigint, fte double"}) and rows of matching values. */
    public static Dataset<Row> typed(String ddlSchema, Object[]... rows) {
        StructType schema = StructType.fromDDL(ddlSchema);
        List<Row> data = new ArrayList<>();
        for (Object[] row : rows) {
            data.add(RowFactory.create(row));
        }
        return SparkTestSession.spark().createDataFrame(data, schema);
    }

    public static String[] row(String... values) {
        return values;
    }
}
