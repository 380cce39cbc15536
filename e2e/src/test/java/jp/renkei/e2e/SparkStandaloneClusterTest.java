package jp.renkei.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adoption job runs on a real Spark cluster unchanged: its job jar, submitted with Spark's own
 * {@code SparkSubmit} to a standalone master and worker on localhost, publishes the same rows as the job in
 * {@code local[2]} over the same landing zone. DuckDB compares the two runs' Parquet, so the comparison does not
 * trust Spark.
 */
class SparkStandaloneClusterTest {
    private static final String RUN_ID = "20261203T000000Z-c1c1";
    /** Doubles are summed in a different order when the partitions differ; agree to this many decimals. */
    private static final int DECIMALS = 9;

    @TempDir
    Path work;

    @Test
    void theJobJarOnAStandaloneClusterPublishesWhatLocalModePublishes() throws Exception {
        long begun = System.nanoTime();
        Path localHome = work.resolve("local");
        TinyNationLanding.generateAndLand(localHome, 23);
        Path clusterHome = work.resolve("cluster");
        copyTree(localHome.resolve("landing"), clusterHome.resolve("landing"));

        long started = System.nanoTime();
        try (ModuleProcess job = ModuleProcess.start("analytics", List.of(ModuleProcess.sparkOptionsFile(), "-Xmx1g"),
                "jp.renkei.analytics.AdoptionJob",
                List.of("--home", localHome.toString(), "--master", "local[2]", "--run-id", RUN_ID),
                work.resolve("logs").resolve("local.log"))) {
            job.awaitSuccess(300);
        }
        long local = System.nanoTime();

        try (SparkStandaloneCluster cluster = SparkStandaloneCluster.start(work.resolve("spark"), 2, "2g");
             ModuleProcess job = cluster.submit(jobJar(), "jp.renkei.analytics.AdoptionJob",
                     List.of("spark.executor.memory=1g", "spark.cores.max=2",
                             "spark.driver.host=127.0.0.1", "spark.driver.bindAddress=127.0.0.1"),
                     List.of("--home", clusterHome.toString(), "--run-id", RUN_ID),
                     work.resolve("logs").resolve("cluster.log"))) {
            job.awaitSuccess(300);

            assertThat(job.logText()).as("the driver ran against the cluster").contains(cluster.masterUrl());
            List<Path> executorLogs = cluster.executorLogs();
            assertThat(executorLogs).as("executors launched by the worker").isNotEmpty();
            String executorOutput = String.join("\n", readAll(executorLogs));
            assertThat(executorOutput).as("the executors ran the job's tasks").contains("Finished task");
        }
        System.out.printf("landing %.0f s, local[2] %.0f s, standalone cluster %.0f s%n", (started - begun) / 1e9,
                (local - started) / 1e9, (System.nanoTime() - local) / 1e9);

        Map<String, Long> localRows = publishedRowCounts(localHome);
        assertThat(localRows).as("marts published in local mode")
                .containsKeys("municipal_adoption", "plan_actual_agreement", "office_savings");
        assertThat(localRows.get("municipal_adoption")).isPositive();
        assertThat(localRows.get("plan_actual_agreement")).isPositive();
        assertThat(publishedRowCounts(clusterHome)).isEqualTo(localRows);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (String mart : localRows.keySet()) {
                assertThat(rowsInOnlyOne(duckdb, published(localHome, mart), published(clusterHome, mart)))
                        .as("rows of %s in only one of the two runs", mart).isZero();
            }
        }
    }

    private static Path jobJar() throws IOException {
        Path target = ModuleProcess.repositoryRoot().resolve("analytics").resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-job.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *-job.jar in " + target
                            + ": run the tests with `mvn verify` (bin/renkei test), which packages the analytics module first"));
        }
    }

    private static Path published(Path home, String mart) throws IOException {
        String run = Files.readString(home.resolve("marts").resolve(mart).resolve("_CURRENT"), StandardCharsets.UTF_8).strip();
        assertThat(run).as("%s published under the given run id", mart).isEqualTo(RUN_ID);
        return home.resolve("marts").resolve(mart).resolve("run=" + run);
    }

    private static Map<String, Long> publishedRowCounts(Path home) throws IOException, SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Stream<Path> marts = Files.list(home.resolve("marts"))) {
            for (Path mart : marts.filter(Files::isDirectory)
                    .filter(folder -> !folder.getFileName().toString().startsWith("_")).toList()) {
                String name = mart.getFileName().toString();
                rows.put(name, single(duckdb, "SELECT count(*) FROM " + parquet(published(home, name))));
            }
        }
        return rows;
    }

    /** Rows of one run missing from the other, both ways, with doubles rounded to {@link #DECIMALS} places. */
    private static long rowsInOnlyOne(Connection duckdb, Path first, Path second) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = duckdb.createStatement();
             ResultSet described = statement.executeQuery("DESCRIBE SELECT * FROM " + parquet(first))) {
            while (described.next()) {
                String name = '"' + described.getString("column_name") + '"';
                String type = described.getString("column_type");
                columns.add(type.equals("DOUBLE") || type.equals("FLOAT")
                        ? "round(" + name + ", " + DECIMALS + ") AS " + name : name);
            }
        }
        String select = "SELECT " + String.join(", ", columns) + " FROM ";
        return single(duckdb, "SELECT count(*) FROM ((" + select + parquet(first) + " EXCEPT ALL " + select
                + parquet(second) + ") UNION ALL (" + select + parquet(second) + " EXCEPT ALL " + select
                + parquet(first) + "))");
    }

    private static String parquet(Path run) {
        return "read_parquet('" + run.resolve("*.parquet") + "')";
    }

    private static long single(Connection duckdb, String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static List<String> readAll(List<Path> files) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path file : files) {
            texts.add(Files.readString(file, StandardCharsets.UTF_8));
        }
        return texts;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
