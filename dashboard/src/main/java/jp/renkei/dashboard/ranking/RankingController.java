package jp.renkei.dashboard.ranking;

import java.sql.SQLException;
import jp.renkei.dashboard.mart.DenominatorScope;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardProperties;
import jp.renkei.dashboard.system.JapaneseFormats;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

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
    String ranking(@RequestParam(required = false) String month, @RequestParam(required = false) String prefecture,
            @RequestParam(required = false) String scope, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, Viewer viewer, Model model) throws SQLException {
        RankingParams params = RankingParams.parse(month, prefecture, scope, sort, dir, properties.getDefaultScope());
        model.addAttribute("ranking", lookup.find(params, viewer));
        model.addAttribute("scopes", DenominatorScope.values());
        model.addAttribute("fmt", formats);
        return "ranking";
    }
}
