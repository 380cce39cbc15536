package jp.renkei.dashboard.ranking;

import java.awt.Color;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.util.Locale;
import jp.renkei.dashboard.chart.ChartImages;
import jp.renkei.dashboard.chart.JapaneseChartTheme;
import jp.renkei.dashboard.system.JapaneseFormats;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The top {@value #TOP} municipalities of a ranking by 申請率 as a horizontal bar chart (PNG, {@value #WIDTH}×{@value
 * #HEIGHT}). Bars are labelled "市区町村（都道府県）" because names repeat across prefectures (府中市, 伊達市, …).
 */
@Component
class RankingChart {

    static final int TOP = 30;
    static final int WIDTH = 960;
    static final int HEIGHT = 900;
    private static final Color BAR = new Color(0x1F, 0x4E, 0x79);

    private final JapaneseChartTheme theme;
    private final JapaneseFormats formats;
    private final MessageSource messages;

    RankingChart(JapaneseChartTheme theme, JapaneseFormats formats, MessageSource messages) {
        this.theme = theme;
        this.formats = formats;
        this.messages = messages;
    }

    JFreeChart chart(Ranking ranking) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        String series = message("column.application_rate");
        ranking.rows().stream().filter(MunicipalAdoptionRow::ranked).limit(TOP).forEach(row -> dataset.addValue(
                row.applicationRate() * 100, series, row.municipalityName() + "（" + row.prefectureName() + "）"));
        String title = messages.getMessage("chart.title", new Object[] {TOP, formats.asOfMonthEnd(ranking.month()),
                message("scope." + ranking.scope().code())}, Locale.JAPAN);
        JFreeChart chart = ChartFactory.createBarChart(title, message("column.municipality_name"),
                message("chart.value_axis"), dataset, PlotOrientation.HORIZONTAL, false, false, false);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setNoDataMessage(message("chart.no_data"));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getRangeAxis().setRange(0, 108); // room for the "100.0%" label of a full bar
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        DecimalFormat percent = new DecimalFormat("0.0");
        percent.setRoundingMode(RoundingMode.HALF_UP); // as on the page (JapaneseFormats)
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}%", percent));
        renderer.setDefaultItemLabelsVisible(true);
        return chart;
    }

    byte[] png(Ranking ranking) {
        return ChartImages.png(chart(ranking), WIDTH, HEIGHT);
    }

    byte[] svg(Ranking ranking) {
        return ChartImages.svg(chart(ranking), WIDTH, HEIGHT, message("ranking.chart.alt"));
    }

    private String message(String key) {
        return messages.getMessage(key, null, Locale.JAPAN);
    }
}
