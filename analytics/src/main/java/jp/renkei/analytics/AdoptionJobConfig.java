package jp.renkei.analytics;

import java.net.URI;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import jp.renkei.analytics.marts.savings.SavingsModel;

/**
 * Everything the adoption job can be told, with every default written down here.
 *
 * @param home              {@code RENKEI_HOME}: holds {@code landing/} and {@code marts/}
 * @param fromMonth         first month of the marts
 * @param toMonth           last month; empty = latest exchanges.target_month, else latest applications.applied_on month
 * @param master            Spark master URL
 * @param shufflePartitions {@code spark.sql.shuffle.partitions}
 * @param keepRuns          published runs kept per mart (older run folders are deleted)
 * @param runId             run id to publish under; empty = a fresh one ({@code 20261126T050242Z-3f9c})
 * @param savingsModel      the savings model's parameters; default the bundled {@code savings-model.properties}
 * @param force             publish even when the current run had the same request and read the same input
 * @param landing           the landing zone on any file system Hadoop reaches ({@code hdfs://…}, {@code s3a://…});
 *                          empty = {@code <home>/landing}
 * @param marts             where the marts are published, likewise; empty = {@code <home>/marts}
 */
public record AdoptionJobConfig(
        Path home,
        YearMonth fromMonth,
        Optional<YearMonth> toMonth,
        String master,
        int shufflePartitions,
        int keepRuns,
        Optional<String> runId,
        SavingsModel savingsModel,
        boolean force,
        Optional<URI> landing,
        Optional<URI> marts) {

    /** The month the care-plan data linkage system went live. */
    public static final YearMonth DEFAULT_FROM_MONTH = YearMonth.of(2023, 4);
    public static final String DEFAULT_MASTER = "local[*]";
    public static final int DEFAULT_SHUFFLE_PARTITIONS = 4;
    public static final int DEFAULT_KEEP_RUNS = 3;

    public AdoptionJobConfig {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(fromMonth, "fromMonth");
        Objects.requireNonNull(toMonth, "toMonth");
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(savingsModel, "savingsModel");
        Objects.requireNonNull(landing, "landing");
        Objects.requireNonNull(marts, "marts");
        if (shufflePartitions < 1) {
            throw new JobArgumentException("ANA-ARG-003", "--shuffle-partitions must be at least 1, was " + shufflePartitions);
        }
        if (keepRuns < 1) {
            throw new JobArgumentException("ANA-ARG-004", "--keep-runs must be at least 1, was " + keepRuns);
        }
    }

    /** A configuration with every default and the given home. */
    public static AdoptionJobConfig defaults(Path home) {
        return new AdoptionJobConfig(home, DEFAULT_FROM_MONTH, Optional.empty(), DEFAULT_MASTER,
                DEFAULT_SHUFFLE_PARTITIONS, DEFAULT_KEEP_RUNS, Optional.empty(), SavingsModel.defaults(), false,
                Optional.empty(), Optional.empty());
    }

    public URI landingRoot() {
        return landing.orElseGet(() -> home.resolve("landing").toAbsolutePath().toUri());
    }

    public URI martsRoot() {
        return marts.orElseGet(() -> home.resolve("marts").toAbsolutePath().toUri());
    }
}
