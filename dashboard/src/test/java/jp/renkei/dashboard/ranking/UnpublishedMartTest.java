package jp.renkei.dashboard.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import jp.renkei.dashboard.DashboardWebTest;
import jp.renkei.dashboard.security.WithViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A home where analytics has not published yet: every view says so with DASH-MART-001 (503). */
@DashboardWebTest
@WithViewer
class UnpublishedMartTest {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("renkei.home", home::toString);
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    void theApiAnswers503WithWhatToDo() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/municipal-adoption?month=2026-10").exchange();

        assertThat(result).hasStatus(503).bodyJson().extractingPath("$.code").isEqualTo("DASH-MART-001");
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("パイプラインを実行");
    }

    @Test
    void thePageCsvAndChartAnswer503() throws Exception {
        for (String uri : new String[] {"/ranking", "/ranking.csv", "/ranking/chart.png"}) {
            MvcTestResult result = mvc.get().uri(uri).exchange();
            assertThat(result).as(uri).hasStatus(503);
            assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(uri).contains("DASH-MART-001");
        }
    }
}
