package jp.renkei.analytics.io;

import java.net.URI;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Writes one mart frame as Parquet into a folder that must not exist yet. Marts are small (thousands to a few
 * hundred thousand rows), so a mart is one file, sorted by its key, which keeps DuckDB scans and diffs simple.
 */
public final class MartWriter {

    private MartWriter() {
    }

    public static void writeParquet(Dataset<Row> mart, List<String> sortColumns, URI folder) {
        Column[] sort = sortColumns.stream().map(functions::col).toArray(Column[]::new);
        mart.repartition(1)
                .sortWithinPartitions(sort)
                .write()
                .mode("errorifexists")
                .option("compression", "snappy")
                .parquet(folder.toString());
    }
}
