package jp.renkei.analytics;

import org.apache.spark.sql.SparkSession;

/** The Spark settings every renkei Spark job and test uses (docs/marts.md fixes the first two). */
public final class SparkSessions {

    private SparkSessions() {
    }

    /**
     * A builder with the marts' settings. For a {@code local} master the driver binds to the loopback interface,
     * which avoids a host-name lookup at start-up. No Hive: the catalog stays in memory.
     */
    public static SparkSession.Builder builder(String appName, String master, int shufflePartitions) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                .config("spark.sql.shuffle.partitions", shufflePartitions)
                .config("spark.sql.catalogImplementation", "in-memory")
                .config("spark.ui.enabled", false)
                .config("spark.ui.showConsoleProgress", false);
        if (master != null) {
            builder.master(master);
            if (master.startsWith("local")) {
                builder.config("spark.driver.host", "localhost").config("spark.driver.bindAddress", "127.0.0.1");
            }
        }
        return builder;
    }
}
