package jp.renkei.analytics;

import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session of the whole test run (start-up costs seconds, so it is shared). Surefire runs all
 * test classes in one JVM; Spark's shutdown hook stops the session when that JVM exits. Tests never stop it.
 */
public final class SparkTestSession {

    private SparkTestSession() {
    }

    public static SparkSession spark() {
        return Holder.SPARK;
    }

    private static final class Holder {
        static final SparkSession SPARK = SparkSessions.builder("renkei-analytics-tests", "local[2]", 2).getOrCreate();
    }
}
