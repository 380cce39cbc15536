package jp.renkei.e2e;

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

/**
 * The marts a home has published, read through each {@code _CURRENT} with DuckDB, so that two runs can be compared
 * without trusting the Spark that wrote them.
 */
final class PublishedMarts {
    /** Doubles are summed in a different order when the partitions differ; agree to this many decimals. */
    private static final int DECIMALS = 9;

    private PublishedMarts() {
    }

    /** mart → rows of its current run; folders starting with '_' (the run manifests) are not marts. */
    static Map<String, Long> rowCounts(Path home) throws IOException, SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Stream<Path> marts = Files.list(home.resolve("marts"))) {
            for (Path mart : marts.filter(Files::isDirectory)
                    .filter(folder -> !folder.getFileName().toString().startsWith("_")).toList()) {
                String name = mart.getFileName().toString();
                rows.put(name, single(duckdb, "SELECT count(*) FROM " + parquet(currentRun(home, name))));
            }
        }
        return rows;
    }

    static Path currentRun(Path home, String mart) throws IOException {
        String run = Files.readString(home.resolve("marts").resolve(mart).resolve("_CURRENT"), StandardCharsets.UTF_8).strip();
        return home.resolve("marts").resolve(mart).resolve("run=" + run);
    }

    /** Rows of one run missing from the other, both ways, with doubles rounded to {@link #DECIMALS} places. */
    static long rowsInOnlyOne(Path first, Path second) throws SQLException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
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
    }

    static void copyTree(Path from, Path to) throws IOException {
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

    private static String parquet(Path run) {
        return "read_parquet('" + run.resolve("*.parquet") + "', hive_partitioning = false)";
    }

    private static long single(Connection duckdb, String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
