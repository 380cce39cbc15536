package jp.renkei.dashboard.ranking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.renkei.dashboard.mart.DenominatorScope;
import jp.renkei.dashboard.mart.MartRun;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.marts.Mart;
import org.springframework.stereotype.Component;

/**
 * The SQL over mart {@code municipal_adoption}. Every statement is constant text plus whitelisted fragments; the
 * Parquet glob, month, scope and prefectures are bound parameters. The viewer's restriction is its own condition,
 * added in SQL whatever the request asked for (§8: scope is applied on the server, in the query).
 */
@Component
class RankingQuery {

    static final String MART = Mart.MUNICIPAL_ADOPTION.folder();

    /** The months present for a scope, oldest first ({@code YYYY-MM} sorts as text). */
    List<String> months(Connection connection, MartRun run, DenominatorScope scope, Viewer viewer) throws SQLException {
        Where where = new Where(run, scope).viewer(viewer);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT DISTINCT month FROM read_parquet(?) " + where.sql() + " ORDER BY month")) {
            where.bind(statement);
            List<String> months = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    months.add(rs.getString(1));
                }
            }
            return months;
        }
    }

    /** The prefectures the viewer may choose, by code. */
    List<Prefecture> prefectures(Connection connection, MartRun run, DenominatorScope scope, Viewer viewer)
            throws SQLException {
        Where where = new Where(run, scope).viewer(viewer);
        try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT prefecture_code, "
                + "prefecture_name FROM read_parquet(?) " + where.sql() + " ORDER BY prefecture_code")) {
            where.bind(statement);
            List<Prefecture> prefectures = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    prefectures.add(new Prefecture(rs.getString(1), rs.getString(2)));
                }
            }
            return prefectures;
        }
    }

    /**
     * The month's rows, filtered to a prefecture if given and by the list filter, restricted to the viewer, in the
     * given order. The search matches part of the name or the start of the code, as plain text (no LIKE wildcards).
     */
    List<MunicipalAdoptionRow> rows(Connection connection, MartRun run, String month, DenominatorScope scope,
            Optional<String> prefecture, RankingFilter filter, Viewer viewer, RankingSort sort) throws SQLException {
        Where where = new Where(run, scope).and("month = ?", month).viewer(viewer);
        if (prefecture.isPresent()) {
            where.and("prefecture_code = ?", prefecture.get());
        }
        if (filter.search().isPresent()) {
            where.and("(contains(municipality_name, ?) OR starts_with(municipality_code, ?))", filter.search().get(),
                    filter.search().get());
        }
        if (filter.sizeClass().isPresent()) {
            where.and("size_class = ?", filter.sizeClass().get());
        }
        if (filter.minOffices() > 0) {
            where.and("offices_in_scope >= ?", filter.minOffices());
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + MunicipalAdoptionRow.COLUMNS
                + " FROM read_parquet(?) " + where.sql() + " " + sort.orderBy())) {
            where.bind(statement);
            List<MunicipalAdoptionRow> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        }
    }

    private static MunicipalAdoptionRow row(ResultSet rs) throws SQLException {
        return new MunicipalAdoptionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getLong(5), rs.getLong(6), number(rs, 7, Double.class), rs.getLong(8), number(rs, 9, Double.class),
                number(rs, 10, Integer.class), number(rs, 11, Integer.class), rs.getString(12),
                number(rs, 13, Integer.class), number(rs, 14, Double.class), number(rs, 15, Double.class),
                number(rs, 16, Integer.class));
    }

    /** A nullable numeric column, tolerant of INT vs BIGINT and FLOAT vs DOUBLE in the Parquet schema. */
    private static <T> T number(ResultSet rs, int column, Class<T> type) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        Number n = (Number) value;
        if (type == Integer.class) {
            return type.cast(n.intValue());
        }
        return type.cast(n.doubleValue());
    }

    /** A WHERE clause of constant conditions and their bound values; the Parquet glob is always parameter 1. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        Where(MartRun run, DenominatorScope scope) {
            values.add(run.parquetGlob());
            and("denominator_scope = ?", scope.code());
        }

        /** A condition with one bound value per {@code ?}, in order. */
        Where and(String condition, Object... bound) {
            conditions.add(condition);
            values.addAll(List.of(bound));
            return this;
        }

        Where viewer(Viewer viewer) {
            viewer.conditions(Mart.MUNICIPAL_ADOPTION, Map.of()).forEach((column, value) -> and(column + " = ?", value));
            return this;
        }

        String sql() {
            return "WHERE " + String.join(" AND ", conditions);
        }

        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
        }
    }
}
