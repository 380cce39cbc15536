package jp.renkei.dashboard.mart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a small {@code municipal_adoption} mart with DuckDB itself (the way analytics' Parquet looks to a reader)
 * and publishes it with {@code _CURRENT}. Months 2026-07…2026-10, both scopes; in 2026-10 (all_in_scope):
 * 鳥取県 (31): 米子市 80/80 and 日吉津村 5/5 (100%, national rank 1), 鳥取市 30/120, 日野町 0 offices (unranked);
 * 東京都 (13): テスト市01…35 with i of 10+i applied (テスト市35 = 35/45, rank 3). Ranks and the Wilson lower bound
 * (z = 1.96, 2026-10 all_in_scope: 米子市 0.954 rank 1; テスト市35…27 ranks 2…10; 日吉津村 5/5 0.566 rank 11) are
 * computed here, as analytics would; the dashboard only reads them.
 */
public final class MartFixture {

    public static final String RUN_ID = "20261126T050242Z-3f9c";
    public static final String MART = "municipal_adoption";

    private MartFixture() {
    }

    /** Creates {@code <home>/marts/municipal_adoption/run=RUN_ID/part-0.parquet} and its {@code _CURRENT}. */
    public static void publishMunicipalAdoption(Path home) throws IOException, SQLException {
        Path runDir = home.resolve("marts").resolve(MART).resolve("run=" + RUN_ID);
        Files.createDirectories(runDir);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + MUNICIPAL_ADOPTION + ") TO '" + runDir.resolve("part-0.parquet")
                    + "' (FORMAT parquet)");
        }
        Files.writeString(home.resolve("marts").resolve(MART).resolve("_CURRENT"), RUN_ID + "\n",
                StandardCharsets.UTF_8);
    }

    private static final String MUNICIPAL_ADOPTION = """
            WITH base(prefecture_code, prefecture_name, municipality_code, municipality_name, n, applied, active) AS (
              VALUES ('31', '鳥取県', '312011', '鳥取市', 120, 30, 20),
                     ('31', '鳥取県', '312029', '米子市', 80, 80, 50),
                     ('31', '鳥取県', '313840', '日吉津村', 5, 5, 4),
                     ('31', '鳥取県', '314021', '日野町', 0, 0, 0)
              UNION ALL
              SELECT '13', '東京都', printf('13%04d', i), printf('テスト市%02d', i), 10 + i, i, i // 2
              FROM range(1, 36) t(i)),
            months(month, k) AS (VALUES ('2026-07', 0), ('2026-08', 1), ('2026-09', 2), ('2026-10', 3)),
            scopes(denominator_scope, d) AS (VALUES ('all_in_scope', 1), ('care_management_only', 3)),
            counted AS (
              SELECT month, denominator_scope, prefecture_code, prefecture_name, municipality_code, municipality_name,
                     (n // d)::BIGINT AS offices_in_scope,
                     least(greatest(applied - (3 - k), 0) // d, n // d)::BIGINT AS offices_applied,
                     least(active // d, n // d)::BIGINT AS offices_active
              FROM base, months, scopes),
            rated AS (
              SELECT *,
                     CASE WHEN offices_in_scope = 0 THEN NULL ELSE offices_applied / offices_in_scope END AS application_rate,
                     CASE WHEN offices_in_scope = 0 THEN NULL ELSE offices_active / offices_in_scope END AS active_rate,
                     CASE WHEN offices_in_scope = 0 THEN 'NONE' WHEN offices_in_scope < 10 THEN 'S'
                          WHEN offices_in_scope < 50 THEN 'M' WHEN offices_in_scope < 200 THEN 'L' ELSE 'XL' END AS size_class
              FROM counted)
            SELECT month, denominator_scope, prefecture_code, prefecture_name, municipality_code, municipality_name,
                   offices_in_scope, offices_applied, application_rate, offices_active, active_rate,
                   CASE WHEN application_rate IS NULL THEN NULL ELSE rank() OVER (PARTITION BY month, denominator_scope
                        ORDER BY application_rate DESC NULLS LAST) END::INTEGER AS national_rank,
                   CASE WHEN application_rate IS NULL THEN NULL ELSE rank() OVER (PARTITION BY month, denominator_scope,
                        prefecture_code ORDER BY application_rate DESC NULLS LAST) END::INTEGER AS prefecture_rank,
                   size_class,
                   CASE WHEN application_rate IS NULL THEN NULL ELSE rank() OVER (PARTITION BY month, denominator_scope,
                        size_class ORDER BY application_rate DESC NULLS LAST) END::INTEGER AS size_class_rank,
                   application_rate - lag(application_rate, 3) OVER (PARTITION BY denominator_scope, municipality_code
                        ORDER BY month) AS rate_change_3m,
                   wilson_lower_bound,
                   CASE WHEN application_rate IS NULL THEN NULL ELSE rank() OVER (PARTITION BY month, denominator_scope
                        ORDER BY wilson_lower_bound DESC NULLS LAST) END::INTEGER AS wilson_rank
            FROM (SELECT *, CASE WHEN offices_in_scope = 0 THEN NULL ELSE
                    (application_rate + 1.96 ^ 2 / (2 * offices_in_scope) - 1.96 * sqrt(application_rate
                     * (1 - application_rate) / offices_in_scope + 1.96 ^ 2 / (4 * offices_in_scope ^ 2)))
                    / (1 + 1.96 ^ 2 / offices_in_scope) END AS wilson_lower_bound FROM rated)
            ORDER BY month, denominator_scope, municipality_code
            """;
}
