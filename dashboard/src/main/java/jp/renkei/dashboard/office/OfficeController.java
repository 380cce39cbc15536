package jp.renkei.dashboard.office;

import java.sql.SQLException;
import java.time.Clock;
import jp.renkei.dashboard.export.CsvExport;
import jp.renkei.dashboard.export.Downloads;
import jp.renkei.dashboard.export.ExportCharset;
import jp.renkei.dashboard.export.XlsxExport;
import jp.renkei.dashboard.partner.PartnerLookup;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.JapaneseFormats;
import jp.renkei.dashboard.system.PageParameters;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
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

    private final OfficeLookup lookup;
    private final PartnerLookup partners;
    private final JapaneseFormats formats;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    OfficeController(OfficeLookup lookup, PartnerLookup partners, JapaneseFormats formats, MessageSource messages) {
        this.lookup = lookup;
        this.partners = partners;
        this.formats = formats;
        this.messages = messages;
    }

    @GetMapping("/office")
    String choose(@RequestParam(required = false) String number, Viewer viewer) {
        if (viewer.role() == Viewer.Role.OFFICE) {
            return "redirect:/office/" + viewer.code();
        }
        if (number != null && !number.isBlank()) {
            return "redirect:/office/" + PageParameters.officeNumber(number.strip());
        }
        return "office-choose";
    }

    @GetMapping("/office/{number}")
    String office(@PathVariable String number, @RequestParam(required = false) String month, Viewer viewer,
            Model model) throws SQLException {
        OfficePage page = lookup.find(PageParameters.officeNumber(number), PageParameters.month(month), viewer);
        model.addAttribute("office", page);
        model.addAttribute("invitations", partners.forOffice(page.officeNumber(), page.month(), viewer));
        model.addAttribute("fmt", formats);
        return "office";
    }

    /** {@code /office/<number>.csv?month=&table=history|curve[&charset=ms932]}. */
    @GetMapping("/office/{number}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String number, @RequestParam(required = false) String month,
            @RequestParam(required = false) String table, @RequestParam(required = false) String charset,
            Viewer viewer) throws SQLException {
        ExportCharset encoding = ExportCharset.parse(charset);
        OfficeExport.Table which = OfficeExport.Table.parse(table);
        OfficePage page = lookup.find(PageParameters.officeNumber(number), PageParameters.month(month), viewer);
        return Downloads.csv(CsvExport.write(OfficeExport.table(page, which, viewer, messages, formats, clock), encoding),
                encoding, name("office_", page, which), name("事業所_", page, which));
    }

    @GetMapping("/office/{number}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String number, @RequestParam(required = false) String month,
            @RequestParam(required = false) String table, Viewer viewer) throws SQLException {
        OfficeExport.Table which = OfficeExport.Table.parse(table);
        OfficePage page = lookup.find(PageParameters.officeNumber(number), PageParameters.month(month), viewer);
        return Downloads.xlsx(XlsxExport.write(OfficeExport.table(page, which, viewer, messages, formats, clock)),
                name("office_", page, which), name("事業所_", page, which));
    }

    private static String name(String prefix, OfficePage page, OfficeExport.Table table) {
        return prefix + page.officeNumber() + "_" + table.param() + "_" + page.month();
    }

}
