package jp.renkei.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Small hand-written frames for tests: every column a string, {@code null} for unknown. */
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

    public static String[] row(String... values) {
        return values;
    }
}
