package jp.renkei.dashboard.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import jp.renkei.dashboard.mart.DenominatorScope;
import jp.renkei.dashboard.mart.MartFixture;
import jp.renkei.dashboard.mart.MartReader;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prefecture restriction lives in the SQL itself, not only in the controller's narrowing of the filter: asked for
 * every prefecture, a prefecture viewer's query still returns its own rows only.
 */
class RankingQueryScopeTest {
    @TempDir
    Path home;

    @Test
    void aPrefectureViewersQueryWithoutAFilterReturnsOnlyItsPrefecture() throws Exception {
        MartFixture.publishMunicipalAdoption(home);
        DashboardProperties properties = new DashboardProperties();
        properties.setHome(home);
        MartReader reader = new MartReader(properties);
        try (Connection connection = reader.connect()) {
            RankingQuery query = new RankingQuery();
            List<MunicipalAdoptionRow> all = query.rows(connection, reader.current(MartFixture.MART), "2026-10",
                    DenominatorScope.ALL_IN_SCOPE, Optional.empty(), RankingFilter.NONE, Viewer.ministry(),
                    RankingSort.DEFAULT);
            List<MunicipalAdoptionRow> own = query.rows(connection, reader.current(MartFixture.MART), "2026-10",
                    DenominatorScope.ALL_IN_SCOPE, Optional.empty(), RankingFilter.NONE, Viewer.prefecture("31"),
                    RankingSort.DEFAULT);

            assertThat(all).extracting(MunicipalAdoptionRow::prefectureCode).contains("31").anyMatch(code -> !code.equals("31"));
            assertThat(own).isNotEmpty().extracting(MunicipalAdoptionRow::prefectureCode).containsOnly("31");
        } finally {
            reader.destroy();
        }
    }
}
