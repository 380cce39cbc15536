package jp.renkei.analytics.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The DuckDB side of the mart benchmark: builds {@code plan_actual_agreement} from the same landing CSV files the
 * Spark job reads, with the SQL of {@code plan_actual_agreement.sql}, and compares it with a published Spark run.
 */
@Command(name = "duckdb-agreement", mixinStandardHelpOptions = true,
        description = "Builds plan_actual_agreement in DuckDB from a landing zone and compares it with Spark's run.")
public final class DuckDbAgreement implements Callable<Integer> {
    /** Doubles summed in another order may differ in the last bits. */
    private static final int DECIMALS = 9;

    @Option(names = "--landing", required = true, paramLabel = "DIR", description = "The landing zone.")
    Path landing;

    @Option(names = "--from-month", required = true, paramLabel = "YYYY-MM")
    YearMonth fromMonth;

    @Option(names = "--to-month", required = true, paramLabel = "YYYY-MM")
    YearMonth toMonth;

    @Option(names = "--spark-run", paramLabel = "DIR",
            description = "A published Spark run of plan_actual_agreement (marts/plan_actual_agreement/run=…) to compare with.")
    Path sparkRun;

    @Option(names = "--threads", defaultValue = "2", description = "DuckDB threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--temp-directory", paramLabel = "DIR",
            description = "Where DuckDB spills what does not fit in memory (default: DuckDB's own choice).")
    Path tempDirectory;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DuckDbAgreement()).execute(args));
    }

    @Override
    public Integer call() throws SQLException, IOException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            execute(duckdb, "SET threads = " + threads);
            if (tempDirectory != null) {
                execute(duckdb, "SET temp_directory = '" + tempDirectory.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            long started = System.nanoTime();
            build(duckdb, landing, fromMonth, toMonth);
            double seconds = (System.nanoTime() - started) / 1e9;
            long rows = single(duckdb, "SELECT count(*) FROM plan_actual_agreement");
            System.out.printf("duckdb plan_actual_agreement: %d rows in %.1f s%n", rows, seconds);
            if (sparkRun != null) {
                long differing = rowsInOnlyOne(duckdb, sparkRun);
                System.out.printf("rows in only one of DuckDB's and Spark's results: %d%n", differing);
                return differing == 0 ? 0 : 1;
            }
        }
        return 0;
    }

    /** Creates the temp table {@code plan_actual_agreement} from the landing zone. */
    public static void build(Connection duckdb, Path landing, YearMonth fromMonth, YearMonth toMonth)
            throws SQLException, IOException {
        String sql;
        try (InputStream resource = DuckDbAgreement.class.getResourceAsStream("plan_actual_agreement.sql")) {
            sql = new String(resource.readAllBytes(), StandardCharsets.UTF_8);
        }
        sql = sql.replace("${LANDING}", landing.toAbsolutePath().toString().replace("'", "''"))
                .replace("${FROM}", fromMonth.toString()).replace("${TO}", toMonth.toString());
        for (String statement : statements(sql)) {
            execute(duckdb, statement);
        }
    }

    /** Rows in the DuckDB table or in the Parquet of {@code run} but not both, doubles rounded. */
    public static long rowsInOnlyOne(Connection duckdb, Path run) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = duckdb.createStatement();
             ResultSet described = statement.executeQuery("DESCRIBE plan_actual_agreement")) {
            while (described.next()) {
                String name = '"' + described.getString("column_name") + '"';
                columns.add(described.getString("column_type").equals("DOUBLE")
                        ? "round(" + name + ", " + DECIMALS + ") AS " + name : name);
            }
        }
        String select = "SELECT " + String.join(", ", columns) + " FROM ";
        String spark = "read_parquet('" + run.toAbsolutePath().resolve("*.parquet").toString().replace("'", "''")
                + "', hive_partitioning = false)";
        return single(duckdb, "SELECT count(*) FROM ((" + select + "plan_actual_agreement EXCEPT ALL " + select + spark
                + ") UNION ALL (" + select + spark + " EXCEPT ALL " + select + "plan_actual_agreement))");
    }

    private static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                statements.add(current.toString());
                current.setLength(0);
            }
        }
        return statements;
    }

    private static void execute(Connection duckdb, String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long single(Connection duckdb, String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
