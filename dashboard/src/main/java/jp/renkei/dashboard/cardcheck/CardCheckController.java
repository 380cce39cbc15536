package jp.renkei.dashboard.cardcheck;

import java.sql.SQLException;
import java.time.Clock;
import jp.renkei.dashboard.export.CsvExport;
import jp.renkei.dashboard.export.Downloads;
import jp.renkei.dashboard.export.ExportCharset;
import jp.renkei.dashboard.export.XlsxExport;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.JapaneseFormats;
import jp.renkei.dashboard.system.PageParameters;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /card-checks[?month=&prefecture=]}: card checks (資格確認), success rate and failure reasons in scope. */
@Controller
class CardCheckController {

    private final CardCheckLookup lookup;
    private final JapaneseFormats formats;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    CardCheckController(CardCheckLookup lookup, JapaneseFormats formats, MessageSource messages) {
        this.lookup = lookup;
        this.formats = formats;
        this.messages = messages;
    }

    @GetMapping("/card-checks")
    String cardChecks(@RequestParam(required = false) String month, @RequestParam(required = false) String prefecture,
            Viewer viewer, Model model) throws SQLException {
        model.addAttribute("checks", lookup.find(PageParameters.month(month), PageParameters.prefecture(prefecture), viewer));
        model.addAttribute("fmt", formats);
        return "card-checks";
    }

    /** {@code /card-checks.csv?month=&prefecture=&table=municipalities|reasons|trend[&charset=ms932]}. */
    @GetMapping("/card-checks.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String month,
            @RequestParam(required = false) String prefecture, @RequestParam(required = false) String table,
            @RequestParam(required = false) String charset, Viewer viewer) throws SQLException {
        ExportCharset encoding = ExportCharset.parse(charset);
        CardCheckExport.Table which = CardCheckExport.Table.parse(table);
        CardCheckPage page = lookup.find(PageParameters.month(month), PageParameters.prefecture(prefecture), viewer);
        return Downloads.csv(CsvExport.write(CardCheckExport.table(page, which, viewer, messages, formats, clock), encoding),
                encoding, asciiName(page, which), japaneseName(page, which));
    }

    @GetMapping("/card-checks.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String month,
            @RequestParam(required = false) String prefecture, @RequestParam(required = false) String table,
            Viewer viewer) throws SQLException {
        CardCheckExport.Table which = CardCheckExport.Table.parse(table);
        CardCheckPage page = lookup.find(PageParameters.month(month), PageParameters.prefecture(prefecture), viewer);
        return Downloads.xlsx(XlsxExport.write(CardCheckExport.table(page, which, viewer, messages, formats, clock)),
                asciiName(page, which), japaneseName(page, which));
    }

    private static String asciiName(CardCheckPage page, CardCheckExport.Table table) {
        return "card_checks_" + table.param() + nameSuffix(page);
    }

    private static String japaneseName(CardCheckPage page, CardCheckExport.Table table) {
        return "資格確認_" + table.param() + nameSuffix(page);
    }

    private static String nameSuffix(CardCheckPage page) {
        return (page.month() == null ? "" : "_" + page.month()) + (page.prefecture() == null ? "" : "_" + page.prefecture());
    }
}
