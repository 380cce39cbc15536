package jp.renkei.dashboard.mart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.renkei.dashboard.system.DashboardProperties;
import jp.renkei.marts.Mart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MartResultCacheTest {

    @TempDir
    Path home;

    private DashboardProperties properties;
    private MartReader reader;

    @BeforeEach
    void openReader() throws Exception {
        properties = new DashboardProperties();
        properties.setHome(home);
        reader = new MartReader(properties);
        MartFixture.publishMunicipalAdoption(home);
    }

    @AfterEach
    void closeReader() throws SQLException {
        reader.destroy();
    }

    @Test
    void aRepeatedSelectionIsAnsweredFromMemory() throws Exception {
        MartRows rows = new MartRows(reader, new MartResultCache(properties));
        Map<String, String> tottori = Map.of("prefecture_code", "31", "denominator_scope", "all_in_scope");

        MartRows.Selection first = rows.select(Mart.MUNICIPAL_ADOPTION, tottori);
        MartRows.Selection second = rows.select(Mart.MUNICIPAL_ADOPTION, Map.copyOf(tottori));

        assertThat(first.rows()).hasSize(16);
        assertThat(second).isSameAs(first);
    }

    @Test
    void theConditionsAreTheScopeAndPartOfTheKey() throws Exception {
        MartRows rows = new MartRows(reader, new MartResultCache(properties));

        MartRows.Selection tottori = rows.select(Mart.MUNICIPAL_ADOPTION,
                Map.of("prefecture_code", "31", "denominator_scope", "all_in_scope"));
        MartRows.Selection tokyo = rows.select(Mart.MUNICIPAL_ADOPTION,
                Map.of("prefecture_code", "13", "denominator_scope", "all_in_scope"));

        assertThat(tottori.rows()).allSatisfy(row -> assertThat(row.text("prefecture_code")).isEqualTo("31"));
        assertThat(tokyo.rows()).allSatisfy(row -> assertThat(row.text("prefecture_code")).isEqualTo("13"));
    }

    @Test
    void aNewlyPublishedRunIsReadAtOnceNotServedFromTheOldOne() throws Exception {
        MartRows rows = new MartRows(reader, new MartResultCache(properties));
        Map<String, String> tottori = Map.of("prefecture_code", "31", "denominator_scope", "all_in_scope");
        assertThat(rows.select(Mart.MUNICIPAL_ADOPTION, tottori).rows()).hasSize(16);

        publishRunWithOnlyOctober("20261204T000000Z-b0b0");
        MartRows.Selection afterPublish = rows.select(Mart.MUNICIPAL_ADOPTION, tottori);

        assertThat(afterPublish.run().runId()).isEqualTo("20261204T000000Z-b0b0");
        assertThat(afterPublish.rows()).hasSize(4)
                .allSatisfy(row -> assertThat(row.text("month")).isEqualTo("2026-10"));
    }

    @Test
    void zeroRowsTurnsTheCacheOff() throws Exception {
        properties.setCacheRows(0);
        MartResultCache cache = new MartResultCache(properties);
        AtomicInteger computed = new AtomicInteger();

        cache.get(List.of("answer", "run", "scope"), computed::incrementAndGet);
        cache.get(List.of("answer", "run", "scope"), computed::incrementAndGet);

        assertThat(computed).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void anAnswerHeavierThanATenthOfTheCapacityIsNotKept() throws Exception {
        properties.setCacheRows(100);
        MartResultCache cache = new MartResultCache(properties);
        AtomicInteger computed = new AtomicInteger();

        List<Integer> small = cache.get(List.of("small"), () -> List.of(computed.incrementAndGet()));
        cache.get(List.of("small"), () -> List.of(computed.incrementAndGet()));
        cache.get(List.of("large"), () -> {
            computed.incrementAndGet();
            return List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        });
        cache.get(List.of("large"), () -> {
            computed.incrementAndGet();
            return List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        });

        assertThat(small).containsExactly(1);
        assertThat(computed).hasValue(3);
        assertThat(cache.size()).isEqualTo(1);
    }

    private void publishRunWithOnlyOctober(String runId) throws Exception {
        Path martDirectory = home.resolve("marts/municipal_adoption");
        Path runDirectory = Files.createDirectories(martDirectory.resolve("run=" + runId));
        Path oldParts = martDirectory.resolve("run=" + MartFixture.RUN_ID).resolve("part-0.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_parquet('" + oldParts + "') WHERE month = '2026-10') TO '"
                    + runDirectory.resolve("part-0.parquet") + "' (FORMAT parquet)");
        }
        Files.writeString(martDirectory.resolve("_CURRENT"), runId + "\n", StandardCharsets.UTF_8);
    }
}
