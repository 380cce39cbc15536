package jp.renkei.dashboard.ranking;

import java.sql.SQLException;
import jp.renkei.dashboard.mart.DenominatorScope;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardProperties;
import jp.renkei.dashboard.system.JapaneseFormats;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The ranking page ({@code /ranking}, with {@code /} redirecting to it). */
@Controller
class RankingController {

    private final RankingLookup lookup;
    private final JapaneseFormats formats;
    private final DashboardProperties properties;

    RankingController(RankingLookup lookup, JapaneseFormats formats, DashboardProperties properties) {
        this.lookup = lookup;
        this.formats = formats;
        this.properties = properties;
    }

    /** An office's home is its own page; every other role starts at the ranking. */
    @GetMapping("/")
    String home(Viewer viewer) {
        return viewer.role() == Viewer.Role.OFFICE ? "redirect:/office" : "redirect:/ranking";
    }

    @GetMapping("/ranking")
    String ranking(RankingRequest request, Viewer viewer, Model model) throws SQLException {
        model.addAttribute("ranking", lookup.find(request.parse(properties.getDefaultScope()), viewer));
        model.addAttribute("scopes", DenominatorScope.values());
        model.addAttribute("fmt", formats);
        return "ranking";
    }
}
