package jp.renkei.dashboard.prefecture;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import jp.renkei.dashboard.export.CsvExport;
import jp.renkei.dashboard.export.Downloads;
import jp.renkei.dashboard.export.ExportCharset;
import jp.renkei.dashboard.export.XlsxExport;
import jp.renkei.dashboard.mart.DenominatorScope;
import jp.renkei.dashboard.partner.PartnerLookup;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.dashboard.system.DashboardProperties;
import jp.renkei.dashboard.system.JapaneseFormats;
import jp.renkei.dashboard.system.PageParameters;
import jp.renkei.marts.Mart;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
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
    private final PartnerLookup partners;
    private final JapaneseFormats formats;
    private final DashboardProperties properties;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    PrefectureController(PrefectureLookup lookup, PartnerLookup partners, JapaneseFormats formats,
            DashboardProperties properties, MessageSource messages) {
        this.lookup = lookup;
        this.partners = partners;
        this.formats = formats;
        this.properties = properties;
        this.messages = messages;
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
        PrefecturePage page = find(code, month, scope, viewer);
        model.addAttribute("prefecture", page);
        model.addAttribute("recruitment", partners.forPrefecture(page.prefectureCode(), page.month(), viewer));
        model.addAttribute("fmt", formats);
        model.addAttribute("scopes", DenominatorScope.values());
        return "prefecture";
    }

    /** {@code /prefecture/<NN>.csv?month=&scope=&table=regions|trend[&charset=ms932]}. */
    @GetMapping("/prefecture/{code}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String code, @RequestParam(required = false) String month,
            @RequestParam(required = false) String scope, @RequestParam(required = false) String table,
            @RequestParam(required = false) String charset, Viewer viewer) throws SQLException {
        ExportCharset encoding = ExportCharset.parse(charset);
        PrefectureExport.Table which = PrefectureExport.Table.parse(table);
        PrefecturePage page = find(code, month, scope, viewer);
        return Downloads.csv(CsvExport.write(PrefectureExport.table(page, which, viewer, messages, formats, clock),
                encoding), encoding, name("prefecture_", page, which), name(page.prefectureName() + "_", page, which));
    }

    @GetMapping("/prefecture/{code}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String code, @RequestParam(required = false) String month,
            @RequestParam(required = false) String scope, @RequestParam(required = false) String table, Viewer viewer)
            throws SQLException {
        PrefectureExport.Table which = PrefectureExport.Table.parse(table);
        PrefecturePage page = find(code, month, scope, viewer);
        return Downloads.xlsx(XlsxExport.write(PrefectureExport.table(page, which, viewer, messages, formats, clock)),
                name("prefecture_", page, which), name(page.prefectureName() + "_", page, which));
    }

    private static String name(String prefix, PrefecturePage page, PrefectureExport.Table table) {
        return prefix + page.prefectureCode() + "_" + table.param() + "_" + page.month() + "_" + page.scope();
    }

    private PrefecturePage find(String code, String month, String scope, Viewer viewer) throws SQLException {
        Optional<String> requestedMonth = PageParameters.month(month);
        DenominatorScope denominator = PageParameters.scope(scope, properties.getDefaultScope());
        return lookup.find(checkedCode(code), requestedMonth, denominator, viewer);
    }

    private static String checkedCode(String code) {
        return PageParameters.prefectureCode(code);
    }
}
