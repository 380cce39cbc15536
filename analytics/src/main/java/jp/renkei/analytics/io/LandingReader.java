package jp.renkei.analytics.io;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jp.renkei.analytics.JobArgumentException;
import jp.renkei.ingest.landing.LandingDataset;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads {@code landing/<dataset>/dt=YYYY-MM-DD/part-*.csv} (docs/landing-zone.md) as strings: every landing column
 * plus the partition column {@code dt} and the part's {@code landed_at} time; a dataset partitioned by month
 * ({@code landing/<dataset>/month=YYYY-MM/dt=…/}) has the partition column {@code month} before {@code dt}, and
 * {@link #readMonths} reads only the months asked for. Typing is staging's job. A dataset whose folder does not exist
 * yet, or holds no part files, reads as an empty frame with the same columns.
 */
public final class LandingReader {

    /** The partition column added to every dataset: the Japanese date on which the file landed. */
    public static final String DT = LandingDataset.LANDING_DATE_PARTITION;
    /**
     * When the part was written (its file's modification time): orders two landings of the same day, which
     * {@link #DT} cannot. Null for an empty dataset.
     */
    public static final String LANDED_AT = "landed_at";
    /** The partition column of a dataset partitioned by month: the rows' month ({@code YYYY-MM}). */
    public static final String MONTH = LandingDataset.MONTH_PARTITION;

    private static final String PART_GLOB = LandingDataset.PART_GLOB;

    private final SparkSession spark;
    private final URI landingRoot;
    private final JobStorage storage;

    /** A landing zone in a local folder. */
    public LandingReader(SparkSession spark, java.nio.file.Path landingRoot) {
        this(spark, landingRoot.toUri());
    }

    /** A landing zone on any file system Hadoop reaches with Spark's settings ({@code file:}, {@code hdfs://}, …). */
    public LandingReader(SparkSession spark, URI landingRoot) {
        this.spark = spark;
        this.landingRoot = landingRoot;
        this.storage = new JobStorage(spark.sparkContext().hadoopConfiguration());
    }

    /**
     * The all-string schema of a dataset: its landing columns in file order, then its partition columns in folder
     * order ({@code month} when partitioned by month, then {@code dt}).
     */
    public static StructType schema(LandingDataset dataset) {
        List<StructField> fields = new ArrayList<>();
        for (String column : dataset.columns()) {
            fields.add(DataTypes.createStructField(column, DataTypes.StringType, true));
        }
        if (dataset.monthColumn().isPresent()) {
            fields.add(DataTypes.createStructField(MONTH, DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField(DT, DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    public Dataset<Row> read(LandingDataset dataset) {
        URI folder = JobStorage.child(landingRoot, dataset.directoryName());
        StructType schema = schema(dataset);
        if (parts(dataset).isEmpty()) {
            return spark.createDataFrame(List.of(), schema)
                    .withColumn(LANDED_AT, org.apache.spark.sql.functions.lit(null).cast(DataTypes.TimestampType));
        }
        // Spark itself skips names starting with '.' or '_'; the glob also keeps out '.part-….csv.tmp'.
        return spark.read()
                .schema(schema)
                .option("header", true)
                .option("enforceSchema", false) // the header must name the contract's columns, in order
                .option("mode", "FAILFAST")
                .option("multiLine", true) // RFC 4180: quoted values may hold line breaks
                .option("quote", "\"")
                .option("escape", "\"")
                .option("encoding", "UTF-8")
                .option("pathGlobFilter", PART_GLOB)
                .csv(folder.toString()) // a whole URI: never resolved against fs.defaultFS
                .withColumn(LANDED_AT, org.apache.spark.sql.functions.col("_metadata.file_modification_time"));
    }

    /**
     * The rows of the given months ({@code YYYY-MM}) of a dataset partitioned by month: Spark lists every part but
     * opens only those in the months' folders.
     */
    public Dataset<Row> readMonths(LandingDataset dataset, Collection<String> months) {
        if (dataset.monthColumn().isEmpty()) {
            throw new IllegalArgumentException(dataset.directoryName() + " is not partitioned by month");
        }
        return read(dataset).where(org.apache.spark.sql.functions.col(MONTH).isin(months.toArray()));
    }

    /** The dataset's parts, counted and dated from the file system (no Spark job). */
    public InputWatermark watermark(LandingDataset dataset) {
        List<JobStorage.Part> parts = parts(dataset);
        if (parts.isEmpty()) {
            return InputWatermark.NEVER_LANDED;
        }
        long bytes = 0;
        String latestDt = null;
        Instant latestModified = null;
        for (JobStorage.Part part : parts) {
            bytes += part.bytes();
            latestModified = latestModified == null || part.modified().isAfter(latestModified) ? part.modified()
                    : latestModified;
            latestDt = latestDt == null || part.dt().compareTo(latestDt) > 0 ? part.dt() : latestDt;
        }
        return new InputWatermark(parts.size(), bytes, latestDt, latestModified);
    }

    /**
     * How many of the dataset's parts were modified after {@code instant} (all of them for null): with the parts a
     * watermark counted, it tells whether every part added since that watermark is newer than it.
     */
    public long partsModifiedAfter(LandingDataset dataset, Instant instant) {
        return parts(dataset).stream().filter(part -> instant == null || part.modified().isAfter(instant)).count();
    }

    private List<JobStorage.Part> parts(LandingDataset dataset) {
        URI folder = JobStorage.child(landingRoot, dataset.directoryName());
        if (dataset.monthColumn().isEmpty()) {
            return storage.parts(folder, DT + "=*/" + PART_GLOB);
        }
        if (!storage.parts(folder, DT + "=*/" + PART_GLOB).isEmpty()) {
            // Spark would refuse the mix of dt= and month= folders with a message that names neither the cause nor
            // the way out.
            throw new JobArgumentException("ANA-ARG-009", folder + " holds parts of the layout before months ("
                    + DT + "=… folders directly under " + dataset.directoryName() + "/). Move them once with "
                    + "`bin/renkei ingest landing-upgrade --landing " + landingRoot.getPath() + "` (docs/landing-zone.md, \"Upgrading a "
                    + "landing zone\"), then run the job again");
        }
        return storage.parts(folder, MONTH + "=*/" + DT + "=*/" + PART_GLOB);
    }
}
