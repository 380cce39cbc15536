package jp.renkei.dashboard.municipality;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.renkei.dashboard.chart.ChartImages;
import jp.renkei.dashboard.export.CsvExport;
import jp.renkei.dashboard.export.Downloads;
import jp.renkei.dashboard.export.ExportCharset;
import jp.renkei.dashboard.export.XlsxExport;
import jp.renkei.dashboard.mart.DenominatorScope;
import jp.renkei.dashboard.mart.MartResultCache;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.dashboard.system.DashboardProperties;
import jp.renkei.dashboard.system.JapaneseFormats;
import jp.renkei.dashboard.system.PageParameters;
import jp.renkei.marts.Mart;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /municipality}: a municipality account goes to its own page; others come from the ranking or the
 * prefecture's tiles with {@code ?code=}. {@code /municipality/<code>[?month=&scope=]}: the page;
 * {@code /municipality/<code>/trend.png}: its application rate against prefecture and nation.
 */
@Controller
class MunicipalityController {

    private static final Pattern MUNICIPALITY = Pattern.compile("(0[1-9]|[1-3]\\d|4[0-7])\\d{4}");

    private final MunicipalityLookup lookup;
    private final MunicipalityTrendChart chart;
    private final MartResultCache cache;
    private final JapaneseFormats formats;
    private final DashboardProperties properties;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    MunicipalityController(MunicipalityLookup lookup, MunicipalityTrendChart chart, MartResultCache cache,
            JapaneseFormats formats, DashboardProperties properties, MessageSource messages) {
        this.lookup = lookup;
        this.chart = chart;
        this.cache = cache;
        this.formats = formats;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/municipality")
    String choose(@RequestParam(required = false) String code, Viewer viewer) {
        if (!viewer.canRead(Mart.MUNICIPAL_ADOPTION)) {
            throw DashboardException.martClosedToRole(Mart.MUNICIPAL_ADOPTION.folder(), viewer);
        }
        if (viewer.role() == Viewer.Role.MUNICIPALITY) {
            return "redirect:/municipality/" + viewer.code();
        }
        if (code == null || code.isBlank()) {
            return "redirect:/ranking";
        }
        return "redirect:/municipality/" + checkedCode(code.strip());
    }

    @GetMapping("/municipality/{code}")
    String municipality(@PathVariable String code, @RequestParam(required = false) String month,
            @RequestParam(required = false) String scope, Viewer viewer, Model model) throws SQLException {
        model.addAttribute("municipality", find(code, month, scope, viewer));
        model.addAttribute("fmt", formats);
        model.addAttribute("scopes", DenominatorScope.values());
        return "municipality";
    }

    @GetMapping("/municipality/{code}/trend.png")
    ResponseEntity<byte[]> trend(@PathVariable String code, @RequestParam(required = false) String scope,
            Viewer viewer) throws SQLException {
        MunicipalityPage page = find(code, null, scope, viewer);
        byte[] png = cache.get(List.of("municipality-trend", page.martRun(), page.municipalityCode(), page.scope(),
                viewer), () -> chart.png(page));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png);
    }

    @GetMapping("/municipality/{code}/trend.svg")
    ResponseEntity<byte[]> trendSvg(@PathVariable String code, @RequestParam(required = false) String scope,
            Viewer viewer) throws SQLException {
        MunicipalityPage page = find(code, null, scope, viewer);
        byte[] svg = cache.get(List.of("municipality-trend-svg", page.martRun(), page.municipalityCode(), page.scope(),
                viewer), () -> chart.svg(page));
        return ResponseEntity.ok().contentType(ChartImages.SVG).body(svg);
    }

    /** {@code /municipality/<code>.csv?month=&scope=&table=trend|service_types[&charset=ms932]}. */
    @GetMapping("/municipality/{code}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String code, @RequestParam(required = false) String month,
            @RequestParam(required = false) String scope, @RequestParam(required = false) String table,
            @RequestParam(required = false) String charset, Viewer viewer) throws SQLException {
        ExportCharset encoding = ExportCharset.parse(charset);
        MunicipalityExport.Table which = MunicipalityExport.Table.parse(table);
        MunicipalityPage page = find(code, month, scope, viewer);
        return Downloads.csv(CsvExport.write(MunicipalityExport.table(page, which, viewer, messages, formats, clock),
                encoding), encoding, asciiName(page, which), japaneseName(page, which));
    }

    @GetMapping("/municipality/{code}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String code, @RequestParam(required = false) String month,
            @RequestParam(required = false) String scope, @RequestParam(required = false) String table, Viewer viewer)
            throws SQLException {
        MunicipalityExport.Table which = MunicipalityExport.Table.parse(table);
        MunicipalityPage page = find(code, month, scope, viewer);
        return Downloads.xlsx(XlsxExport.write(MunicipalityExport.table(page, which, viewer, messages, formats, clock)),
                asciiName(page, which), japaneseName(page, which));
    }

    private static String asciiName(MunicipalityPage page, MunicipalityExport.Table table) {
        return "municipality_" + page.municipalityCode() + "_" + table.param() + "_" + page.month() + "_" + page.scope();
    }

    private static String japaneseName(MunicipalityPage page, MunicipalityExport.Table table) {
        return page.municipalityName() + "_" + table.param() + "_" + page.month() + "_" + page.scope();
    }

    private MunicipalityPage find(String code, String month, String scope, Viewer viewer) throws SQLException {
        Optional<String> requestedMonth = PageParameters.month(month);
        DenominatorScope denominator = PageParameters.scope(scope, properties.getDefaultScope());
        return lookup.find(checkedCode(code), requestedMonth, denominator, viewer);
    }

    private static String checkedCode(String code) {
        if (!MUNICIPALITY.matcher(code).matches()) {
            throw DashboardException.badParameter("市区町村コード", "6 桁の全国地方公共団体コード（例: 131016）", code);
        }
        return code;
    }
}
