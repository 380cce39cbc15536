package jp.renkei.dashboard.municipality;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import jp.renkei.dashboard.chart.ChartImages;
import jp.renkei.dashboard.chart.JapaneseChartTheme;
import jp.renkei.dashboard.mart.MartRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The municipality's application rate by month as a PNG, against its prefecture and the nation (percent, one line
 * each). The page prints the same figures as a table below the chart.
 */
@Component
class MunicipalityTrendChart {

    static final int WIDTH = 960;
    static final int HEIGHT = 420;
    private static final Color OWN = new Color(0x1F, 0x4E, 0x79);
    private static final Color PREFECTURE = new Color(0xC5, 0x5A, 0x11);
    private static final Color NATION = new Color(0x7F, 0x7F, 0x7F);

    private final JapaneseChartTheme theme;
    private final MessageSource messages;

    MunicipalityTrendChart(JapaneseChartTheme theme, MessageSource messages) {
        this.theme = theme;
        this.messages = messages;
    }

    byte[] png(MunicipalityPage page) {
        return ChartImages.png(chart(page), WIDTH, HEIGHT);
    }

    byte[] svg(MunicipalityPage page) {
        return ChartImages.svg(chart(page), WIDTH, HEIGHT, messages.getMessage("municipality.chart.alt",
                new Object[] {page.municipalityName(), page.prefectureName()}, Locale.JAPAN));
    }

    JFreeChart chart(MunicipalityPage page) {
        String own = page.municipalityName();
        String prefecture = page.prefectureName();
        String nation = message("municipality.chart.nation");
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (MartRow row : page.trend()) {
            String month = row.text("month");
            dataset.addValue(percent(row.decimal("application_rate")), own, month);
            dataset.addValue(percent(page.prefectureApplicationRate(month)), prefecture, month);
            dataset.addValue(percent(page.nationalApplicationRate(month)), nation, month);
        }
        CategoryAxis months = new CategoryAxis(message("municipality.chart.x"));
        months.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        NumberAxis rate = new NumberAxis(message("chart.value_axis"));
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, OWN);
        renderer.setSeriesStroke(0, new BasicStroke(3f));
        renderer.setSeriesPaint(1, PREFECTURE);
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        renderer.setSeriesPaint(2, NATION);
        renderer.setSeriesStroke(2, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        CategoryPlot plot = new CategoryPlot(dataset, months, rate, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setNoDataMessage(message("chart.no_data"));
        JFreeChart chart = new JFreeChart(messages.getMessage("municipality.chart.title", new Object[] {own},
                Locale.JAPAN), plot);
        theme.apply(chart);
        return chart;
    }

    private static Double percent(Double fraction) {
        return fraction == null ? null : fraction * 100;
    }

    private String message(String key) {
        return messages.getMessage(key, null, Locale.JAPAN);
    }
}
