package jp.renkei.dashboard.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import jp.renkei.dashboard.DashboardWebTest;
import jp.renkei.dashboard.security.WithViewer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@DashboardWebTest
@WithViewer
class DefinitionsPageTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void hasOneAnchoredEntryPerIndicator() throws Exception {
        String page = page(mvc.get().uri("/definitions").exchange());

        assertThat(page).contains("id=\"offices_in_scope\">対象事業所<", "id=\"application_rate\">申請率<",
                "id=\"active_rate\">稼働率<", "id=\"size_class\">規模区分<", "id=\"rate_change_3m\">3か月変化<",
                "id=\"national_rank\">順位<");
    }

    @Test
    void saysTheOfficialFootnoteWasNotFoundAndWhichScopeIsShown() throws Exception {
        String page = page(mvc.get().uri("/definitions?scope=care_management_only").exchange());

        assertThat(page).contains("公式の注記（脚注）は見つかっていません",
                "リンク元の画面で表示していた分母の範囲: 居宅介護支援のみ", "既定は 全対象サービス です");
        assertThat(page).contains("事業所数であり人数ではないため、秘匿していません");
    }

    @Test
    void aBadScopeIs400() {
        assertThat(mvc.get().uri("/definitions?scope=everything").exchange()).hasStatus(400);
    }

    private static String page(MvcTestResult result) throws Exception {
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
