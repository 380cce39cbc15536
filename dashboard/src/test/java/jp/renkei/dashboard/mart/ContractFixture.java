package jp.renkei.dashboard.mart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.renkei.marts.Mart;
import jp.renkei.marts.MartColumn;

/**
 * Publishes any mart of the contract with DuckDB: a table with exactly the contract's columns and types, the given
 * values, and an ordinary filler in every other required column (0, 0.5, false or "x"), nullable ones left null.
 */
public final class ContractFixture {

    private ContractFixture() {
    }

    public static void publish(Path home, Mart mart, String runId, List<Map<String, Object>> rows)
            throws IOException, SQLException {
        Path runDir = home.resolve("marts").resolve(mart.folder()).resolve("run=" + runId);
        Files.createDirectories(runDir);
        String columns = mart.columns().stream().map(column -> column.name() + " " + column.type().duckDbName())
                .collect(Collectors.joining(", "));
        String placeholders = mart.columns().stream().map(column -> "?").collect(Collectors.joining(", "));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE mart (" + columns + ")");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mart VALUES (" + placeholders + ")")) {
                for (Map<String, Object> row : rows) {
                    for (int index = 0; index < mart.columns().size(); index++) {
                        MartColumn column = mart.columns().get(index);
                        insert.setObject(index + 1, row.containsKey(column.name()) ? row.get(column.name()) : filler(column));
                    }
                    insert.execute();
                }
            }
            statement.execute("COPY mart TO '" + runDir.resolve("part-0.parquet") + "' (FORMAT parquet)");
        }
        Files.writeString(home.resolve("marts").resolve(mart.folder()).resolve("_CURRENT"), runId + "\n",
                StandardCharsets.UTF_8);
    }

    private static Object filler(MartColumn column) {
        if (column.nullable()) {
            return null;
        }
        return switch (column.type()) {
            case STRING -> "x";
            case INT -> 0;
            case BIGINT -> 0L;
            case DOUBLE -> 0.5;
            case BOOLEAN -> false;
        };
    }
}
