package jp.renkei.analytics;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.Callable;

import jp.renkei.analytics.marts.savings.SavingsModel;
import jp.renkei.analytics.marts.savings.SavingsOverrides;
import jp.renkei.analytics.publish.PublishException;
import jp.renkei.analytics.quality.DataQualityException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Builds and publishes {@code municipal_adoption}, {@code prefecture_adoption} and {@code card_check_activity} from
 * the landing zone.
 *
 * <p>Exit codes: 0 published; 2 bad arguments ({@code ANA-ARG-*}); 3 data-quality checks failed ({@code ANA-DQ-*},
 * nothing published); 4 publishing failed ({@code ANA-PUB-*}, {@code _CURRENT} unchanged); 1 anything else.
 */
@Command(name = "adoption-job", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Builds the adoption marts from RENKEI_HOME/landing and publishes them to RENKEI_HOME/marts.")
public final class AdoptionJob implements Callable<Integer> {

    static final int EXIT_ARGUMENTS = 2;
    static final int EXIT_DATA_QUALITY = 3;
    static final int EXIT_PUBLISH = 4;

    @Option(names = "--home", defaultValue = "${env:RENKEI_HOME}", paramLabel = "DIR",
            description = "RENKEI_HOME, holding landing/ and marts/ unless --landing and --marts say otherwise "
                    + "(default: $RENKEI_HOME).")
    Path home;

    @Option(names = "--from-month", defaultValue = "2023-04", paramLabel = "YYYY-MM",
            description = "First month (default: ${DEFAULT-VALUE}, the month the linkage system went live).")
    YearMonth fromMonth;

    @Option(names = "--to-month", paramLabel = "YYYY-MM",
            description = "Last month (default: latest exchanges.target_month, else latest applied_on month).")
    YearMonth toMonth;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark.master from spark-submit, else local[*]).")
    String master;

    @Option(names = "--shuffle-partitions", defaultValue = "4", paramLabel = "N",
            description = "spark.sql.shuffle.partitions (default: ${DEFAULT-VALUE}).")
    int shufflePartitions;

    @Option(names = "--keep-runs", defaultValue = "3", paramLabel = "N",
            description = "Published runs kept per mart (default: ${DEFAULT-VALUE}).")
    int keepRuns;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "Run id to publish under, e.g. 20261126T050242Z-3f9c (default: a new one).")
    String runId;

    @Option(names = "--savings-model", paramLabel = "FILE",
            description = "The savings model's parameters (properties, the keys of the bundled savings-model.properties; "
                    + "default: the bundled values, each with its source).")
    Path savingsModel;

    @Option(names = "--savings-overrides", paramLabel = "FILE",
            description = "Offices' own values for the savings model: a UTF-8 CSV office_number,parameter,value "
                    + "(docs/marts.md, office_savings).")
    Path savingsOverrides;

    @Option(names = "--landing", paramLabel = "URI",
            description = "The landing zone when it is not <home>/landing: a folder, or a URI of any file system Hadoop "
                    + "reaches, e.g. hdfs://namenode/renkei/landing or s3a://bucket/renkei/landing (docs/analytics.md).")
    String landing;

    @Option(names = "--marts", paramLabel = "URI",
            description = "Where to publish the marts when not <home>/marts: a folder or a URI, as --landing.")
    String marts;

    @Option(names = "--force",
            description = "Publish even when the current run had the same request and read the same landing parts "
                    + "(after a change to the job itself).")
    boolean force;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new AdoptionJob());
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            int exit;
            if (e instanceof DataQualityException) {
                exit = EXIT_DATA_QUALITY;
            } else if (e instanceof JobArgumentException) {
                exit = EXIT_ARGUMENTS;
            } else if (e instanceof PublishException) {
                exit = EXIT_PUBLISH;
            } else {
                throw e;
            }
            cmd.getErr().println("adoption-job: " + e.getMessage());
            return exit;
        });
        return commandLine;
    }

    /** The configuration the parsed options stand for. */
    AdoptionJobConfig config() {
        if (home == null) {
            throw new JobArgumentException("ANA-ARG-005", "no home: pass --home DIR or set RENKEI_HOME");
        }
        String sparkMaster = master != null ? master
                : System.getProperty("spark.master", AdoptionJobConfig.DEFAULT_MASTER);
        SavingsModel model;
        try {
            model = savingsModel == null ? SavingsModel.defaults() : SavingsModel.load(savingsModel);
        } catch (java.io.IOException | IllegalArgumentException unusable) {
            throw new JobArgumentException("ANA-ARG-006", "--savings-model " + savingsModel + " cannot be used: "
                    + unusable.getMessage());
        }
        if (savingsOverrides != null) {
            try {
                model = model.withOverrides(SavingsOverrides.read(savingsOverrides));
            } catch (java.io.IOException | IllegalArgumentException unusable) {
                throw new JobArgumentException("ANA-ARG-007", "--savings-overrides " + savingsOverrides
                        + " cannot be used: " + unusable.getMessage());
            }
        }
        return new AdoptionJobConfig(home, fromMonth, Optional.ofNullable(toMonth), sparkMaster, shufflePartitions,
                keepRuns, Optional.ofNullable(runId), model, force, location("--landing", landing),
                location("--marts", marts));
    }

    /** A URI with a scheme as given; a plain path as the absolute file: URI of that folder. */
    private static Optional<URI> location(String option, String given) {
        if (given == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(given);
            if (uri.getScheme() != null && uri.getScheme().length() > 1) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException notAUri) {
            // a local path with characters a URI may not hold: taken as a path below
        }
        try {
            return Optional.of(Path.of(given).toAbsolutePath().toUri());
        } catch (java.nio.file.InvalidPathException invalid) {
            throw new JobArgumentException("ANA-ARG-008", option + " " + given + " is neither a URI nor a path: "
                    + invalid.getMessage());
        }
    }

    @Override
    public Integer call() {
        AdoptionJobConfig config = config();
        long start = System.nanoTime();
        SparkSession spark = SparkSessions
                .builder("renkei-adoption", config.master(), config.shufflePartitions())
                .getOrCreate();
        try {
            System.err.printf("[analytics] Spark %s up in %.1f s (%s)%n", spark.version(),
                    (System.nanoTime() - start) / 1e9, config.master());
            AdoptionPipeline.Result result = new AdoptionPipeline(spark, config, System.err, Clock.systemUTC()).run();
            System.err.printf("[analytics] %s run %s: %d municipal rows, %d prefecture rows, "
                            + "%d card-check rows, months %s..%s%n",
                    result.published() ? "published" : "nothing changed; still current:",
                    result.runId(), result.municipalRows(), result.prefectureRows(), result.cardCheckRows(),
                    result.months().from(), result.months().to());
        } finally {
            spark.stop();
        }
        return 0;
    }
}
