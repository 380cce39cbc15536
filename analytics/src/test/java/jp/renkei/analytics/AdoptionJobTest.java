package jp.renkei.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Optional;

import jp.renkei.analytics.marts.savings.SavingsModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line and the configuration it stands for; none of these start Spark. */
class AdoptionJobTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        assumeThat(System.getProperty("spark.master")).as("not run under spark-submit").isNull();

        AdoptionJobConfig config = parse("--home", "/srv/renkei");

        assertThat(config).isEqualTo(AdoptionJobConfig.defaults(Path.of("/srv/renkei")));
        assertThat(config.fromMonth()).isEqualTo(YearMonth.of(2023, 4));
        assertThat(config.toMonth()).isEmpty();
        assertThat(config.master()).isEqualTo("local[*]");
        assertThat(config.shufflePartitions()).isEqualTo(4);
        assertThat(config.keepRuns()).isEqualTo(3);
        assertThat(config.runId()).isEmpty();
        assertThat(config.savingsModel()).isEqualTo(SavingsModel.defaults());
        assertThat(config.force()).isFalse();
        assertThat(config.landingRoot()).isEqualTo(java.net.URI.create("file:///srv/renkei/landing"));
        assertThat(config.martsRoot()).isEqualTo(java.net.URI.create("file:///srv/renkei/marts"));
    }

    @Test
    void everyOptionMapsToItsSetting() {
        AdoptionJobConfig config = parse("--home", "/data/home", "--from-month", "2024-04", "--to-month", "2026-10",
                "--master", "spark://head:7077", "--shuffle-partitions", "64", "--keep-runs", "5",
                "--run-id", "20261126T050242Z-3f9c", "--force", "--landing", "hdfs://namenode:8020/renkei/landing",
                "--marts", "/srv/marts");

        assertThat(config).isEqualTo(new AdoptionJobConfig(Path.of("/data/home"), YearMonth.of(2024, 4),
                Optional.of(YearMonth.of(2026, 10)), "spark://head:7077", 64, 5, Optional.of("20261126T050242Z-3f9c"),
                SavingsModel.defaults(), true, Optional.of(java.net.URI.create("hdfs://namenode:8020/renkei/landing")),
                Optional.of(java.net.URI.create("file:///srv/marts"))));
    }

    @Test
    void officesOwnValuesJoinTheModelAndABadFileIsRefusedBeforeSparkStarts(@TempDir Path folder) throws Exception {
        Path overrides = folder.resolve("overrides.csv");
        Files.writeString(overrides, "office_number,parameter,value\n3112010018,mailed.share,0.9\n",
                StandardCharsets.UTF_8);

        AdoptionJobConfig config = parse("--home", "/data/home", "--savings-overrides", overrides.toString());

        assertThat(config.savingsModel().overrides().byOffice()).containsOnlyKeys("3112010018");
        assertThat(config.savingsModel().mailedShare()).as("the model's own value stays").isEqualTo(0.5);

        Files.writeString(overrides, "office_number,parameter,value\n3112010018,mailed.share,2\n", StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        assertThat(AdoptionJob.commandLine().setErr(new PrintWriter(err))
                .execute("--home", "/tmp/x", "--savings-overrides", overrides.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("ANA-ARG-007", "line 2", "mailed.share");
    }

    @Test
    void badArgumentsExitWithCodeTwoBeforeSparkStarts() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = AdoptionJob.commandLine().setErr(new PrintWriter(err));

        assertThat(commandLine.execute("--home", "/tmp/x", "--shuffle-partitions", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("ANA-ARG-003");
        assertThat(AdoptionJob.commandLine().setErr(new PrintWriter(new StringWriter()))
                .execute("--home", "/tmp/x", "--from-month", "2024-13")).isEqualTo(2);
    }

    private static AdoptionJobConfig parse(String... args) {
        CommandLine commandLine = AdoptionJob.commandLine();
        commandLine.parseArgs(args);
        return commandLine.<AdoptionJob>getCommand().config();
    }
}
