package jp.renkei.dashboard.mart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.marts.ColumnType;
import jp.renkei.marts.Mart;
import jp.renkei.marts.MartColumn;
import org.springframework.stereotype.Component;

/**
 * Rows of any mart of the contract, by equality conditions on its columns, in key order: the one place that turns
 * the contract into SQL. The caller passes conditions already narrowed to the viewer ({@code Viewer.conditions});
 * column names come from the contract and values are bound, so no request text reaches the SQL.
 */
@Component
public class MartRows {

    private final MartReader marts;
    private final MartResultCache cache;

    public MartRows(MartReader marts, MartResultCache cache) {
        this.marts = marts;
        this.cache = cache;
    }

    /** The published run read and its rows. */
    public record Selection(MartRun run, List<MartRow> rows) implements MartResultCache.Weighed {
        @Override
        public long rowCount() {
            return rows.size();
        }
    }

    public Selection select(Mart mart, Map<String, String> conditions) throws SQLException {
        MartRun run = marts.current(mart.folder());
        List<MartColumn> conditioned = conditions.keySet().stream().map(mart::column).toList();
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", mart.columnNames()))
                .append(" FROM read_parquet(?)");
        if (!conditioned.isEmpty()) {
            sql.append(" WHERE ").append(conditioned.stream().map(column -> column.name() + " = ?")
                    .collect(Collectors.joining(" AND ")));
        }
        sql.append(" ORDER BY ").append(String.join(", ", mart.key()));
        return cache.get(List.of("rows", mart, run.runId(), Map.copyOf(conditions)), () -> new Selection(run,
                List.copyOf(QueryTiming.measure(() -> rows(mart, sql.toString(), run, conditioned, conditions)))));
    }

    private List<MartRow> rows(Mart mart, String sql, MartRun run, List<MartColumn> conditioned,
            Map<String, String> conditions) throws SQLException {
        List<MartRow> rows = new ArrayList<>();
        try (Connection connection = marts.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, run.parquetGlob());
            int index = 2;
            for (MartColumn column : conditioned) {
                bind(statement, index++, column, conditions.get(column.name()));
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 0; column < mart.columns().size(); column++) {
                        row.put(mart.columns().get(column).name(), result.getObject(column + 1));
                    }
                    rows.add(new MartRow(mart, row));
                }
            }
        }
        return rows;
    }

    private static void bind(PreparedStatement statement, int index, MartColumn column, String value)
            throws SQLException {
        if (column.type() == ColumnType.INT || column.type() == ColumnType.BIGINT) {
            try {
                statement.setLong(index, Long.parseLong(value));
            } catch (NumberFormatException notNumber) {
                throw DashboardException.badParameter(column.name(), "整数", value);
            }
        } else {
            statement.setString(index, value);
        }
    }
}
