package jp.renkei.dashboard.cardcheck;

import java.sql.SQLException;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.JapaneseFormats;
import jp.renkei.dashboard.system.PageParameters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /card-checks[?month=&prefecture=]}: card checks (資格確認), success rate and failure reasons in scope. */
@Controller
class CardCheckController {

    private final CardCheckLookup lookup;
    private final JapaneseFormats formats;

    CardCheckController(CardCheckLookup lookup, JapaneseFormats formats) {
        this.lookup = lookup;
        this.formats = formats;
    }

    @GetMapping("/card-checks")
    String cardChecks(@RequestParam(required = false) String month, @RequestParam(required = false) String prefecture,
            Viewer viewer, Model model) throws SQLException {
        model.addAttribute("checks", lookup.find(PageParameters.month(month), PageParameters.prefecture(prefecture), viewer));
        model.addAttribute("fmt", formats);
        return "card-checks";
    }
}
