package jp.renkei.dashboard.office;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.dashboard.system.JapaneseFormats;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /office}: an office account goes to its own page; others enter an office number in their scope.
 * {@code /office/<事業所番号>[?month=YYYY-MM]}: the office's savings, partners, agreement and U-curve.
 */
@Controller
class OfficeController {

    private static final Pattern OFFICE_NUMBER = Pattern.compile("\\d{10}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private final OfficeLookup lookup;
    private final JapaneseFormats formats;

    OfficeController(OfficeLookup lookup, JapaneseFormats formats) {
        this.lookup = lookup;
        this.formats = formats;
    }

    @GetMapping("/office")
    String choose(@RequestParam(required = false) String number, Viewer viewer) {
        if (viewer.role() == Viewer.Role.OFFICE) {
            return "redirect:/office/" + viewer.code();
        }
        if (number != null && !number.isBlank()) {
            return "redirect:/office/" + checkedNumber(number.strip());
        }
        return "office-choose";
    }

    @GetMapping("/office/{number}")
    String office(@PathVariable String number, @RequestParam(required = false) String month, Viewer viewer,
            Model model) throws SQLException {
        Optional<String> requestedMonth = Optional.ofNullable(month).filter(m -> !m.isBlank()).map(m -> {
            if (!MONTH.matcher(m).matches()) {
                throw DashboardException.badParameter("month", "YYYY-MM 形式（例: 2026-10）", m);
            }
            return m;
        });
        model.addAttribute("office", lookup.find(checkedNumber(number), requestedMonth, viewer));
        model.addAttribute("fmt", formats);
        return "office";
    }

    private static String checkedNumber(String number) {
        if (!OFFICE_NUMBER.matcher(number).matches()) {
            throw DashboardException.badParameter("事業所番号", "10桁の数字", number);
        }
        return number;
    }
}
