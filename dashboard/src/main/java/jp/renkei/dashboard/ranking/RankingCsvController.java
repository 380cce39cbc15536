package jp.renkei.dashboard.ranking;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code GET /ranking.csv}: the page's rows, in the page's order, as a download. */
@Controller
class RankingCsvController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final RankingLookup lookup;
    private final MessageSource messages;
    private final DashboardProperties properties;

    RankingCsvController(RankingLookup lookup, MessageSource messages, DashboardProperties properties) {
        this.lookup = lookup;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping("/ranking.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String month,
            @RequestParam(required = false) String prefecture, @RequestParam(required = false) String scope,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Viewer viewer)
            throws SQLException {
        RankingParams params = RankingParams.parse(month, prefecture, scope, sort, dir, properties.getDefaultScope());
        Ranking ranking = lookup.find(params, viewer);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(ranking))
                .body(RankingCsv.write(ranking, messages));
    }

    /**
     * {@code attachment; filename="municipal_adoption_2026-10_all_in_scope.csv"; filename*=UTF-8''申請率ランキング_…}:
     * an ASCII name for old clients and the Japanese one (RFC 5987/6266) for the rest.
     */
    static String contentDisposition(Ranking ranking) {
        String area = ranking.prefecture() == null ? "" : "_" + ranking.prefecture();
        String ascii = RankingQuery.MART + "_" + ranking.month() + area + "_" + ranking.scope().code() + ".csv";
        String japanese = "申請率ランキング_" + ranking.month() + area + "_" + ranking.scope().code() + ".csv";
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(japanese);
    }

    private static String rfc5987(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }
}
