package jp.renkei.dashboard.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import jp.renkei.dashboard.chart.JapaneseChartTheme;
import jp.renkei.dashboard.chart.SvgChartAssert;
import jp.renkei.dashboard.mart.DenominatorScope;
import jp.renkei.dashboard.security.Viewer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class RankingChartTest extends PublishedMartWebTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final String JAPANESE = "申請率 上位30市区町村（鳥取県・日吉津村）";

    @Autowired
    RankingChart chart;
    @Autowired
    RankingLookup lookup;
    @Autowired
    JapaneseChartTheme theme;

    @Test
    void isAPngOfTheDocumentedSize() throws Exception {
        MvcTestResult result = mvc.get().uri("/ranking/chart.png?month=2026-10&scope=all_in_scope").exchange();

        assertThat(result).hasStatusOk().hasContentType("image/png");
        byte[] png = result.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(RankingChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(RankingChart.HEIGHT);
    }

    @Test
    void isAlsoAnSvgForReports() throws Exception {
        SvgChartAssert.isTheChartAsSvg(mvc.get().uri("/ranking/chart.svg?month=2026-10&prefecture=31").exchange(),
                RankingChart.WIDTH, RankingChart.HEIGHT, "申請率 上位30市区町村の横棒グラフ");
    }

    @Test
    void showsTheTopThirtyRankedMunicipalitiesWithTheirPrefecture() throws SQLException {
        JFreeChart chart = this.chart.chart(ranking(Optional.empty()));

        CategoryPlot plot = chart.getCategoryPlot();
        assertThat(plot.getDataset().getColumnCount()).isEqualTo(RankingChart.TOP);
        assertThat(plot.getDataset().getColumnKey(0)).isEqualTo("米子市（鳥取県）");
        assertThat(plot.getDataset().getValue(0, 0).doubleValue()).isEqualTo(100.0);
        assertThat(chart.getTitle().getText()).isEqualTo("申請率 上位30市区町村（2026年10月末時点・全対象サービス）");
    }

    @Test
    void leavesOutMunicipalitiesWithoutARank() throws SQLException {
        JFreeChart chart = this.chart.chart(ranking(Optional.of("31")));

        assertThat(chart.getCategoryPlot().getDataset().getColumnKeys())
                .containsExactly("米子市（鳥取県）", "日吉津村（鳥取県）", "鳥取市（鳥取県）");
    }

    @Test
    void drawsJapaneseWithAJapaneseFont() throws SQLException {
        // The set-up installs fonts-ipaexfont-gothic; without a Japanese font the labels would be boxes.
        assertThat(theme.family()).isIn("IPAexGothic", "IPAGothic", "Noto Sans CJK JP");
        assertThat(theme.regularFont().canDisplayUpTo(JAPANESE)).isEqualTo(-1);

        JFreeChart chart = this.chart.chart(ranking(Optional.empty()));
        CategoryPlot plot = chart.getCategoryPlot();
        for (Font font : new Font[] {chart.getTitle().getFont(), plot.getDomainAxis().getTickLabelFont(),
                plot.getDomainAxis().getLabelFont(), plot.getRangeAxis().getLabelFont()}) {
            assertThat(font.getFamily(java.util.Locale.ENGLISH)).isEqualTo(theme.family());
            assertThat(font.canDisplayUpTo(JAPANESE)).isEqualTo(-1);
        }
    }

    private Ranking ranking(Optional<String> prefecture) throws SQLException {
        return lookup.find(new RankingParams(Optional.of("2026-10"), prefecture, DenominatorScope.ALL_IN_SCOPE,
                RankingSort.DEFAULT, RankingFilter.NONE), Viewer.ministry());
    }
}
