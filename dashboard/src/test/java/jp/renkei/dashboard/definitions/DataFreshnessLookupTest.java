package jp.renkei.dashboard.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import jp.renkei.dashboard.mart.MartFixture;
import jp.renkei.dashboard.mart.MartReader;
import jp.renkei.dashboard.system.DashboardProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFreshnessLookupTest {

    @TempDir
    Path home;

    private MartReader reader;
    private DataFreshnessLookup lookup;

    @BeforeEach
    void openReader() throws SQLException {
        DashboardProperties properties = new DashboardProperties();
        properties.setHome(home);
        reader = new MartReader(properties);
        lookup = new DataFreshnessLookup(reader);
    }

    @AfterEach
    void closeReader() throws SQLException {
        reader.destroy();
    }

    @Test
    void nothingBeforeTheFirstPublish() {
        assertThat(lookup.current()).isEmpty();
    }

    @Test
    void readsTheManifestOfTheRunCurrentNames() throws Exception {
        MartFixture.publishMunicipalAdoption(home);
        FreshnessFixture.writeManifest(home, MartFixture.RUN_ID);

        DataFreshness freshness = lookup.current().orElseThrow();

        assertThat(freshness.runId()).isEqualTo(MartFixture.RUN_ID);
        assertThat(freshness.hasManifest()).isTrue();
        assertThat(freshness.publishedAt()).isEqualTo(Instant.parse("2026-11-26T05:02:42Z"));
        assertThat(freshness.fromMonth()).isEqualTo("2023-11");
        assertThat(freshness.toMonth()).isEqualTo("2026-10");
        assertThat(freshness.inputs()).containsExactly(
                new DataFreshness.Input("offices", 47, 30_123_456, "2026-11-01", Instant.parse("2026-11-01T03:00:00Z")),
                new DataFreshness.Input("card_checks", 0, 0, null, null));
        assertThat(freshness.marts()).containsExactly(new DataFreshness.MartSize("municipal_adoption", 125_352));
    }

    @Test
    void aRunWithoutAManifestOrWithADamagedOneIsNamedWithoutALog() throws Exception {
        MartFixture.publishMunicipalAdoption(home);
        assertThat(lookup.current()).contains(DataFreshness.withoutManifest(MartFixture.RUN_ID));

        Files.createDirectories(home.resolve("marts/_runs"));
        Files.writeString(home.resolve("marts/_runs/" + MartFixture.RUN_ID + ".json"), "{\"published_at\": \"yesterday",
                StandardCharsets.UTF_8);
        assertThat(lookup.current()).contains(DataFreshness.withoutManifest(MartFixture.RUN_ID));
    }
}
