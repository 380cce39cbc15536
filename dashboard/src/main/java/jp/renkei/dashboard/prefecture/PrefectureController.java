package jp.renkei.dashboard.prefecture;

import java.sql.SQLException;
import java.util.Optional;
import jp.renkei.dashboard.mart.DenominatorScope;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.dashboard.system.DashboardProperties;
import jp.renkei.dashboard.system.JapaneseFormats;
import jp.renkei.dashboard.system.PageParameters;
import jp.renkei.marts.Mart;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /prefecture}: a prefecture account goes to its own page, the ministry chooses one.
 * {@code /prefecture/<NN>[?month=YYYY-MM&scope=]}: adoption trend, municipalities, model regions against the rest.
 */
@Controller
class PrefectureController {


    private final PrefectureLookup lookup;
    private final JapaneseFormats formats;
    private final DashboardProperties properties;

    PrefectureController(PrefectureLookup lookup, JapaneseFormats formats, DashboardProperties properties) {
        this.lookup = lookup;
        this.formats = formats;
        this.properties = properties;
    }

    @GetMapping("/prefecture")
    String choose(@RequestParam(required = false) String code, Viewer viewer) {
        if (!viewer.canRead(Mart.PREFECTURE_ADOPTION)) {
            throw DashboardException.martClosedToRole(Mart.PREFECTURE_ADOPTION.folder(), viewer);
        }
        if (viewer.role() == Viewer.Role.PREFECTURE) {
            return "redirect:/prefecture/" + viewer.code();
        }
        return "redirect:/prefecture/" + checkedCode(code == null || code.isBlank() ? "01" : code.strip());
    }

    @GetMapping("/prefecture/{code}")
    String prefecture(@PathVariable String code, @RequestParam(required = false) String month,
            @RequestParam(required = false) String scope, Viewer viewer, Model model) throws SQLException {
        Optional<String> requestedMonth = PageParameters.month(month);
        DenominatorScope denominator = PageParameters.scope(scope, properties.getDefaultScope());
        model.addAttribute("prefecture", lookup.find(checkedCode(code), requestedMonth, denominator, viewer));
        model.addAttribute("fmt", formats);
        model.addAttribute("scopes", DenominatorScope.values());
        return "prefecture";
    }

    private static String checkedCode(String code) {
        return PageParameters.prefectureCode(code);
    }
}
