package jp.renkei.dashboard.ranking;

import java.sql.SQLException;
import java.time.Clock;
import jp.renkei.dashboard.export.CsvExport;
import jp.renkei.dashboard.export.Downloads;
import jp.renkei.dashboard.export.ExportCharset;
import jp.renkei.dashboard.export.ExportTable;
import jp.renkei.dashboard.export.XlsxExport;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardProperties;
import jp.renkei.dashboard.system.JapaneseFormats;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /ranking.csv[?charset=ms932]} and {@code GET /ranking.xlsx}: the page's rows, in the page's order, with
 * the page's filters, reference month, definitions and source, as a download for official reports.
 */
@Controller
class RankingExportController {

    private final RankingLookup lookup;
    private final MessageSource messages;
    private final DashboardProperties properties;
    private final JapaneseFormats formats;
    private final Clock clock;

    RankingExportController(RankingLookup lookup, MessageSource messages, DashboardProperties properties,
            JapaneseFormats formats) {
        this.lookup = lookup;
        this.messages = messages;
        this.properties = properties;
        this.formats = formats;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/ranking.csv")
    ResponseEntity<byte[]> csv(RankingRequest request, @RequestParam(required = false) String charset, Viewer viewer)
            throws SQLException {
        ExportCharset encoding = ExportCharset.parse(charset);
        Ranking ranking = find(request, viewer);
        return Downloads.csv(CsvExport.write(table(ranking), encoding), encoding, RankingExport.asciiName(ranking),
                RankingExport.japaneseName(ranking));
    }

    @GetMapping("/ranking.xlsx")
    ResponseEntity<byte[]> xlsx(RankingRequest request, Viewer viewer) throws SQLException {
        Ranking ranking = find(request, viewer);
        return Downloads.xlsx(XlsxExport.write(table(ranking)), RankingExport.asciiName(ranking),
                RankingExport.japaneseName(ranking));
    }

    private Ranking find(RankingRequest request, Viewer viewer) throws SQLException {
        return lookup.find(request.parse(properties.getDefaultScope()), viewer);
    }

    private ExportTable table(Ranking ranking) {
        return RankingExport.table(ranking, messages, formats, clock);
    }
}
