package jp.renkei.analytics.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jp.renkei.ingest.landing.LandingDataset;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads {@code landing/<dataset>/dt=YYYY-MM-DD/part-*.csv} (docs/landing-zone.md) as strings: every landing column
 * plus the partition column {@code dt} and the part's {@code landed_at} time. Typing is staging's job. A dataset whose folder does not exist yet, or holds
 * no part files, reads as an empty frame with the same columns.
 */
public final class LandingReader {

    /** The partition column added to every dataset: the Japanese date on which the file landed. */
    public static final String DT = "dt";
    /**
     * When the part was written (its file's modification time): orders two landings of the same day, which
     * {@link #DT} cannot. Null for an empty dataset.
     */
    public static final String LANDED_AT = "landed_at";

    private static final String PART_GLOB = "part-*.csv";

    private final SparkSession spark;
    private final Path landingRoot;

    public LandingReader(SparkSession spark, Path landingRoot) {
        this.spark = spark;
        this.landingRoot = landingRoot;
    }

    /** The all-string schema of a dataset: its landing columns in file order, then {@code dt}. */
    public static StructType schema(LandingDataset dataset) {
        List<StructField> fields = new ArrayList<>();
        for (String column : dataset.columns()) {
            fields.add(DataTypes.createStructField(column, DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField(DT, DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    public Dataset<Row> read(LandingDataset dataset) {
        Path folder = landingRoot.resolve(dataset.directoryName());
        StructType schema = schema(dataset);
        if (!hasParts(folder)) {
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
                .csv(folder.toUri().toString()) // file:// URI: never resolved against fs.defaultFS
                .withColumn(LANDED_AT, org.apache.spark.sql.functions.col("_metadata.file_modification_time"));
    }

    /** The dataset's parts, counted and dated from the file system (no Spark job). */
    public InputWatermark watermark(LandingDataset dataset) {
        Path folder = landingRoot.resolve(dataset.directoryName());
        if (!Files.isDirectory(folder)) {
            return InputWatermark.NEVER_LANDED;
        }
        long parts = 0;
        long bytes = 0;
        String latestDt = null;
        Instant latestModified = null;
        try (DirectoryStream<Path> partitions = Files.newDirectoryStream(folder, DT + "=*")) {
            for (Path partition : partitions) {
                String dt = partition.getFileName().toString().substring(DT.length() + 1);
                if (!Files.isDirectory(partition) || !dt.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                    continue;
                }
                try (DirectoryStream<Path> partFiles = Files.newDirectoryStream(partition, PART_GLOB)) {
                    for (Path part : partFiles) {
                        BasicFileAttributes attributes = Files.readAttributes(part, BasicFileAttributes.class);
                        parts++;
                        bytes += attributes.size();
                        Instant modified = attributes.lastModifiedTime().toInstant();
                        latestModified = latestModified == null || modified.isAfter(latestModified) ? modified
                                : latestModified;
                        latestDt = latestDt == null || dt.compareTo(latestDt) > 0 ? dt : latestDt;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list landing folder " + folder, e);
        }
        return parts == 0 ? InputWatermark.NEVER_LANDED : new InputWatermark(parts, bytes, latestDt, latestModified);
    }

    /**
     * How many of the dataset's parts were modified after {@code instant} (all of them for null): with the parts a
     * watermark counted, it tells whether every part added since that watermark is newer than it.
     */
    public long partsModifiedAfter(LandingDataset dataset, Instant instant) {
        Path folder = landingRoot.resolve(dataset.directoryName());
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        long newer = 0;
        try (DirectoryStream<Path> partitions = Files.newDirectoryStream(folder, DT + "=*")) {
            for (Path partition : partitions) {
                if (!Files.isDirectory(partition)) {
                    continue;
                }
                try (DirectoryStream<Path> partFiles = Files.newDirectoryStream(partition, PART_GLOB)) {
                    for (Path part : partFiles) {
                        Instant modified = Files.getLastModifiedTime(part).toInstant();
                        if (instant == null || modified.isAfter(instant)) {
                            newer++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list landing folder " + folder, e);
        }
        return newer;
    }

    private static boolean hasParts(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (DirectoryStream<Path> partitions = Files.newDirectoryStream(folder, DT + "=*")) {
            for (Path partition : partitions) {
                if (Files.isDirectory(partition)) {
                    try (DirectoryStream<Path> parts = Files.newDirectoryStream(partition, PART_GLOB)) {
                        if (parts.iterator().hasNext()) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list landing folder " + folder, e);
        }
    }
}
