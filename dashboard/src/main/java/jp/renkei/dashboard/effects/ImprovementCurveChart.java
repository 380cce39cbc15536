package jp.renkei.dashboard.effects;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import jp.renkei.dashboard.chart.ChartImages;
import jp.renkei.dashboard.chart.JapaneseChartTheme;
import jp.renkei.dashboard.mart.MartRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The U-curve (U字の法則) as a PNG: the cohort's median productivity index by months since adoption, the band between
 * its quartiles, a line at 1 (the office's own pre-adoption baseline) and one at month 0 (adoption).
 */
@Component
class ImprovementCurveChart {

    static final int WIDTH = 960;
    static final int HEIGHT = 480;
    private static final Color LINE = new Color(0x1F, 0x4E, 0x79);

    private final JapaneseChartTheme theme;
    private final MessageSource messages;

    ImprovementCurveChart(JapaneseChartTheme theme, MessageSource messages) {
        this.theme = theme;
        this.messages = messages;
    }

    byte[] png(EffectsPage page) {
        return ChartImages.png(chart(page), WIDTH, HEIGHT);
    }

    byte[] svg(EffectsPage page) {
        return ChartImages.svg(chart(page), WIDTH, HEIGHT, messages.getMessage("effects.chart.alt",
                new Object[] {page.cohort()}, Locale.JAPAN));
    }

    JFreeChart chart(EffectsPage page) {
        YIntervalSeries series = new YIntervalSeries(message("effects.chart.series"));
        for (MartRow row : page.curve()) {
            Double median = row.decimal("index_median");
            if (median != null) {
                Double low = row.decimal("index_p25");
                Double high = row.decimal("index_p75");
                series.add(row.small("months_since_adoption"), median, low == null ? median : low,
                        high == null ? median : high);
            }
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(series);
        NumberAxis months = new NumberAxis(message("effects.chart.x"));
        months.setRange(-6.5, 24.5);
        months.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis index = new NumberAxis(message("effects.chart.y"));
        index.setAutoRangeIncludesZero(false);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setSeriesPaint(0, LINE);
        renderer.setSeriesFillPaint(0, new Color(0x9D, 0xC3, 0xE6));
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        XYPlot plot = new XYPlot(dataset, months, index, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.addRangeMarker(new ValueMarker(1.0, Color.GRAY, new BasicStroke(1f)));
        plot.addDomainMarker(new ValueMarker(0.0, Color.GRAY, new BasicStroke(1f)));
        plot.setNoDataMessage(message("chart.no_data"));
        JFreeChart chart = new JFreeChart(messages.getMessage("effects.chart.title", new Object[] {page.cohort()},
                Locale.JAPAN), plot);
        theme.apply(chart);
        return chart;
    }

    private String message(String key) {
        return messages.getMessage(key, null, Locale.JAPAN);
    }
}
