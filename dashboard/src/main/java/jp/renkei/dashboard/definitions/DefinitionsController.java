package jp.renkei.dashboard.definitions;

import jp.renkei.dashboard.mart.DenominatorScope;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.dashboard.system.DashboardProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code GET /definitions[?scope=...]}: the indicators, and which 申請率 denominator the linking page showed. */
@Controller
class DefinitionsController {

    private final DashboardProperties properties;

    DefinitionsController(DashboardProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/definitions")
    String definitions(@RequestParam(required = false) String scope, Model model) {
        DenominatorScope shown = scope == null || scope.isBlank() ? properties.getDefaultScope()
                : DenominatorScope.fromCode(scope).orElseThrow(() -> DashboardException.badParameter("scope",
                        "all_in_scope または care_management_only", scope));
        model.addAttribute("shownScope", shown.code());
        model.addAttribute("defaultScope", properties.getDefaultScope().code());
        model.addAttribute("scopes", DenominatorScope.values());
        return "definitions";
    }
}
