package jp.renkei.dashboard.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.dashboard.system.DashboardProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

class MartReaderTest {

    @TempDir
    Path home;

    private MartReader reader;

    @BeforeEach
    void openReader() throws SQLException {
        DashboardProperties properties = new DashboardProperties();
        properties.setHome(home);
        reader = new MartReader(properties);
    }

    @AfterEach
    void closeReader() throws SQLException {
        reader.destroy();
    }

    @Test
    void resolvesTheRunNamedByCurrentAndReadsIt() throws Exception {
        MartFixture.publishMunicipalAdoption(home);

        MartRun run = reader.current(MartFixture.MART);

        assertThat(run.runId()).isEqualTo(MartFixture.RUN_ID);
        assertThat(run.parquetGlob()).isEqualTo(home.resolve("marts/municipal_adoption/run=" + MartFixture.RUN_ID)
                .resolve("*.parquet").toString());
        try (Connection connection = reader.connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM read_parquet(?) WHERE month = ? AND denominator_scope = ?")) {
            statement.setString(1, run.parquetGlob());
            statement.setString(2, "2026-10");
            statement.setString(3, "all_in_scope");
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(39);
            }
        }
    }

    @Test
    void seesANewlyPublishedRunOnTheNextCall() throws Exception {
        MartFixture.publishMunicipalAdoption(home);
        Path martDir = home.resolve("marts/municipal_adoption");
        Path newRun = Files.createDirectories(martDir.resolve("run=20261201T000000Z-aaaa"));
        Files.copy(martDir.resolve("run=" + MartFixture.RUN_ID + "/part-0.parquet"), newRun.resolve("part-0.parquet"));
        Files.writeString(martDir.resolve("_CURRENT"), "20261201T000000Z-aaaa\n", StandardCharsets.UTF_8);

        assertThat(reader.current(MartFixture.MART).runId()).isEqualTo("20261201T000000Z-aaaa");
    }

    @Test
    void anUnpublishedMartIsDashMart001() {
        assertThatThrownBy(() -> reader.current(MartFixture.MART))
                .isInstanceOfSatisfying(DashboardException.class, e -> {
                    assertThat(e.code()).isEqualTo("DASH-MART-001");
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("_CURRENT", "パイプラインを実行");
                });
    }

    @Test
    void aRunFolderThatIsGoneIsDashMart001() throws Exception {
        Path martDir = Files.createDirectories(home.resolve("marts/municipal_adoption"));
        Files.writeString(martDir.resolve("_CURRENT"), "20261126T050242Z-gone", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.current(MartFixture.MART)).isInstanceOf(DashboardException.class)
                .hasMessageContaining("run=20261126T050242Z-gone");
    }

    @Test
    void aCurrentFileNamingAPathIsRefused() throws Exception {
        Path martDir = Files.createDirectories(home.resolve("marts/municipal_adoption"));
        Files.writeString(martDir.resolve("_CURRENT"), "../../etc", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.current(MartFixture.MART)).isInstanceOf(DashboardException.class)
                .hasMessageContaining("run id が不正");
    }

    @Test
    void duckDbCannotReadOutsideTheMartsFolder() throws Exception {
        Path outside = Files.writeString(home.resolve("secret.csv"), "a\n1\n", StandardCharsets.UTF_8);

        try (Connection connection = reader.connect();
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM read_csv(?)")) {
            statement.setString(1, outside.toString());
            assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Permission Error");
        }
        try (Connection connection = reader.connect();
                PreparedStatement statement = connection.prepareStatement("SET enable_external_access = true")) {
            assertThatThrownBy(statement::execute).isInstanceOf(SQLException.class).hasMessageContaining("locked");
        }
    }
}
