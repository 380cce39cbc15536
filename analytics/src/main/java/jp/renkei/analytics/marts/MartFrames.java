package jp.renkei.analytics.marts;

import static org.apache.spark.sql.functions.col;

import jp.renkei.marts.Mart;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Where a transform's result meets the contract: exactly the mart's columns, in order, with their types. */
public final class MartFrames {

    private MartFrames() {
    }

    /** Selects {@code mart}'s columns from {@code frame}, each cast to its contract type; a missing one fails here. */
    public static Dataset<Row> conform(Dataset<Row> frame, Mart mart) {
        return frame.select(mart.columns().stream()
                .map(column -> col(column.name()).cast(column.type().sparkName()).as(column.name()))
                .toArray(Column[]::new));
    }
}
