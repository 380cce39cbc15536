package jp.renkei.dashboard.definitions;

import jp.renkei.dashboard.mart.DenominatorScope;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.dashboard.system.DashboardProperties;
import jp.renkei.dashboard.system.JapaneseFormats;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /definitions[?scope=...]}: the indicators, which 申請率 denominator the linking page showed, and the
 * data-freshness log of the published run.
 */
@Controller
class DefinitionsController {


    private final DashboardProperties properties;
    private final DataFreshnessLookup freshness;
    private final JapaneseFormats formats;

    DefinitionsController(DashboardProperties properties, DataFreshnessLookup freshness, JapaneseFormats formats) {
        this.properties = properties;
        this.freshness = freshness;
        this.formats = formats;
    }

    @GetMapping("/definitions")
    String definitions(@RequestParam(required = false) String scope, Model model) {
        DenominatorScope shown = scope == null || scope.isBlank() ? properties.getDefaultScope()
                : DenominatorScope.fromCode(scope).orElseThrow(() -> DashboardException.badParameter("scope",
                        "all_in_scope または care_management_only", scope));
        model.addAttribute("shownScope", shown.code());
        model.addAttribute("defaultScope", properties.getDefaultScope().code());
        model.addAttribute("scopes", DenominatorScope.values());
        model.addAttribute("freshness", freshness.current().orElse(null));
        model.addAttribute("facts", Indicators.TABULATED);
        model.addAttribute("more", Indicators.BEYOND_ADOPTION);
        model.addAttribute("fmt", formats);
        return "definitions";
    }
}
