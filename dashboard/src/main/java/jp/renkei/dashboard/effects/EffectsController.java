package jp.renkei.dashboard.effects;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import jp.renkei.dashboard.chart.ChartImages;
import jp.renkei.dashboard.export.CsvExport;
import jp.renkei.dashboard.export.Downloads;
import jp.renkei.dashboard.export.ExportCharset;
import jp.renkei.dashboard.export.XlsxExport;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.JapaneseFormats;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /effects[?cohort=]}: the U-curve with quartiles and plan/actual agreement; {@code /effects/curve.png}. */
@Controller
class EffectsController {

    private final EffectsLookup lookup;
    private final ImprovementCurveChart chart;
    private final JapaneseFormats formats;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    EffectsController(EffectsLookup lookup, ImprovementCurveChart chart, JapaneseFormats formats,
            MessageSource messages) {
        this.lookup = lookup;
        this.chart = chart;
        this.formats = formats;
        this.messages = messages;
    }

    @GetMapping("/effects")
    String effects(@RequestParam(required = false) String cohort, Viewer viewer, Model model) throws SQLException {
        model.addAttribute("effects", lookup.find(given(cohort), viewer, true));
        model.addAttribute("fmt", formats);
        return "effects";
    }

    @GetMapping("/effects/curve.png")
    ResponseEntity<byte[]> curve(@RequestParam(required = false) String cohort, Viewer viewer) throws SQLException {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(chart.png(lookup.find(given(cohort), viewer, false)));
    }

    @GetMapping("/effects/curve.svg")
    ResponseEntity<byte[]> curveSvg(@RequestParam(required = false) String cohort, Viewer viewer) throws SQLException {
        return ResponseEntity.ok().contentType(ChartImages.SVG).body(chart.svg(lookup.find(given(cohort), viewer, false)));
    }

    /** {@code /effects.csv?cohort=&table=curve|agreement[&charset=ms932]}. */
    @GetMapping("/effects.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String cohort,
            @RequestParam(required = false) String table, @RequestParam(required = false) String charset,
            Viewer viewer) throws SQLException {
        ExportCharset encoding = ExportCharset.parse(charset);
        EffectsExport.Table which = EffectsExport.Table.parse(table);
        EffectsPage page = lookup.find(given(cohort), viewer, which == EffectsExport.Table.AGREEMENT);
        return Downloads.csv(CsvExport.write(EffectsExport.table(page, which, viewer, messages, clock), encoding),
                encoding, name("effects_", page, which), name("改善効果_", page, which));
    }

    @GetMapping("/effects.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String cohort,
            @RequestParam(required = false) String table, Viewer viewer) throws SQLException {
        EffectsExport.Table which = EffectsExport.Table.parse(table);
        EffectsPage page = lookup.find(given(cohort), viewer, which == EffectsExport.Table.AGREEMENT);
        return Downloads.xlsx(XlsxExport.write(EffectsExport.table(page, which, viewer, messages, clock)),
                name("effects_", page, which), name("改善効果_", page, which));
    }

    private static String name(String prefix, EffectsPage page, EffectsExport.Table table) {
        return prefix + table.param() + (table == EffectsExport.Table.CURVE ? "_" + page.cohort() : "");
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }
}
