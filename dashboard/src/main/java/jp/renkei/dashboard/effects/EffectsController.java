package jp.renkei.dashboard.effects;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.JapaneseFormats;
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

    EffectsController(EffectsLookup lookup, ImprovementCurveChart chart, JapaneseFormats formats) {
        this.lookup = lookup;
        this.chart = chart;
        this.formats = formats;
    }

    @GetMapping("/effects")
    String effects(@RequestParam(required = false) String cohort, Viewer viewer, Model model) throws SQLException {
        model.addAttribute("effects", lookup.find(given(cohort), viewer, true));
        model.addAttribute("fmt", formats);
        return "effects";
    }

    @GetMapping("/effects/curve.png")
    ResponseEntity<byte[]> curve(@RequestParam(required = false) String cohort, Viewer viewer)
            throws SQLException, IOException {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(chart.png(lookup.find(given(cohort), viewer, false)));
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }
}
