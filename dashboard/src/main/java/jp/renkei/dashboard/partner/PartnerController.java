package jp.renkei.dashboard.partner;

import java.sql.SQLException;
import java.time.Clock;
import jp.renkei.dashboard.export.CsvExport;
import jp.renkei.dashboard.export.Downloads;
import jp.renkei.dashboard.export.ExportCharset;
import jp.renkei.dashboard.export.ExportTable;
import jp.renkei.dashboard.export.XlsxExport;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.dashboard.system.JapaneseFormats;
import jp.renkei.dashboard.system.PageParameters;
import jp.renkei.marts.Mart;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Invitation lists as files: {@code /office/<事業所番号>/invitations.csv|xlsx?month=YYYY-MM} (the office's partners not
 * on the system) and {@code /prefecture/<NN>/invitations.csv|xlsx?month=YYYY-MM} (the prefecture's most-wanted
 * offices). The month is required: the pages link with the month they show.
 */
@Controller
class PartnerController {

    private final PartnerLookup lookup;
    private final JapaneseFormats formats;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    PartnerController(PartnerLookup lookup, JapaneseFormats formats, MessageSource messages) {
        this.lookup = lookup;
        this.formats = formats;
        this.messages = messages;
    }

    @GetMapping("/office/{number}/invitations.csv")
    ResponseEntity<byte[]> officeCsv(@PathVariable String number, @RequestParam(required = false) String month,
            @RequestParam(required = false) String charset, Viewer viewer) throws SQLException {
        ExportCharset encoding = ExportCharset.parse(charset);
        ExportTable table = officeTable(number, month, viewer);
        String name = "invitations_" + number + "_" + month;
        return Downloads.csv(CsvExport.write(table, encoding), encoding, name, "連携候補_" + number + "_" + month);
    }

    @GetMapping("/office/{number}/invitations.xlsx")
    ResponseEntity<byte[]> officeXlsx(@PathVariable String number, @RequestParam(required = false) String month,
            Viewer viewer) throws SQLException {
        ExportTable table = officeTable(number, month, viewer);
        return Downloads.xlsx(XlsxExport.write(table), "invitations_" + number + "_" + month,
                "連携候補_" + number + "_" + month);
    }

    @GetMapping("/prefecture/{code}/invitations.csv")
    ResponseEntity<byte[]> prefectureCsv(@PathVariable String code, @RequestParam(required = false) String month,
            @RequestParam(required = false) String charset, Viewer viewer) throws SQLException {
        ExportCharset encoding = ExportCharset.parse(charset);
        ExportTable table = prefectureTable(code, month, viewer);
        String name = "invitations_" + code + "_" + month;
        return Downloads.csv(CsvExport.write(table, encoding), encoding, name, "招待候補_" + code + "_" + month);
    }

    @GetMapping("/prefecture/{code}/invitations.xlsx")
    ResponseEntity<byte[]> prefectureXlsx(@PathVariable String code, @RequestParam(required = false) String month,
            Viewer viewer) throws SQLException {
        ExportTable table = prefectureTable(code, month, viewer);
        return Downloads.xlsx(XlsxExport.write(table), "invitations_" + code + "_" + month,
                "招待候補_" + code + "_" + month);
    }

    private ExportTable officeTable(String number, String month, Viewer viewer) throws SQLException {
        Invitations invitations = lookup.forOffice(PageParameters.officeNumber(number), requiredMonth(month), viewer);
        available(invitations.unavailable(), Mart.PARTNER_OPPORTUNITIES, viewer);
        return InvitationExport.office(invitations, viewer, messages, formats, clock);
    }

    private ExportTable prefectureTable(String code, String month, Viewer viewer) throws SQLException {
        String prefecture = PageParameters.prefectureCode(code);
        Recruitment recruitment = lookup.forPrefecture(prefecture, requiredMonth(month), viewer);
        available(recruitment.unavailable(), Mart.PARTNER_MOST_WANTED, viewer);
        String name = messages.getMessage("invitations.prefecture.area", new Object[] {prefecture},
                java.util.Locale.JAPAN);
        return InvitationExport.prefecture(recruitment, name, viewer, messages, formats, clock);
    }

    private static String requiredMonth(String month) {
        return PageParameters.month(month)
                .orElseThrow(() -> DashboardException.badParameter("month", "YYYY-MM（例: 2026-10）", ""));
    }

    /** A list the role may not read is refused like any closed mart; one not yet published like any unpublished one. */
    private static void available(String unavailable, Mart mart, Viewer viewer) {
        if ("role".equals(unavailable)) {
            throw DashboardException.martClosedToRole(mart.folder(), viewer);
        }
        if ("unpublished".equals(unavailable)) {
            throw DashboardException.martNotPublished(mart.folder(), "まだ一度も公開されていません");
        }
    }
}
