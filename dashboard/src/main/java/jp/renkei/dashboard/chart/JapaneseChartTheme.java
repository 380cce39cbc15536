package jp.renkei.dashboard.chart;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The chart theme with the first installed Japanese font of {@link #PREFERRED} (Debian: {@code fonts-ipaexfont-gothic},
 * {@code fonts-ipafont-gothic}, {@code fonts-noto-cjk}). Without any of them the charts fall back to the logical
 * "SansSerif" font, which on a bare server draws Japanese as boxes: a warning says so at start.
 */
@Component
public class JapaneseChartTheme {

    static final List<String> PREFERRED = List.of("IPAexGothic", "IPAGothic", "Noto Sans CJK JP");
    private static final String FALLBACK = Font.SANS_SERIF;
    private static final Logger LOG = LoggerFactory.getLogger(JapaneseChartTheme.class);

    private final String family;
    private final StandardChartTheme theme;

    public JapaneseChartTheme() {
        this(installedFamilies());
    }

    JapaneseChartTheme(Set<String> installed) {
        Optional<String> japanese = PREFERRED.stream().filter(installed::contains).findFirst();
        if (japanese.isEmpty()) {
            LOG.warn("No Japanese font installed (looked for {}): chart labels will not show Japanese. "
                    + "Install fonts-ipaexfont-gothic and fontconfig.", PREFERRED);
        }
        this.family = japanese.orElse(FALLBACK);
        this.theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(new Font(family, Font.BOLD, 18));
        theme.setLargeFont(new Font(family, Font.BOLD, 14));
        theme.setRegularFont(new Font(family, Font.PLAIN, 12));
        theme.setSmallFont(new Font(family, Font.PLAIN, 10));
    }

    private static Set<String> installedFamilies() {
        return Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ENGLISH))
                .collect(Collectors.toSet());
    }

    /** Applies the fonts to the title, legend, axes and item labels of a chart; returns the chart. */
    public JFreeChart apply(JFreeChart chart) {
        theme.apply(chart);
        return chart;
    }

    /** The font family in use, e.g. "IPAexGothic". */
    public String family() {
        return family;
    }

    public Font regularFont() {
        return theme.getRegularFont();
    }
}
