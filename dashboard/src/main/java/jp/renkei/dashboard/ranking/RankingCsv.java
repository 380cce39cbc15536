package jp.renkei.dashboard.ranking;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;

/**
 * The ranking as CSV for Excel: UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting, a Japanese header row whose
 * labels are the same message keys as the page ({@code column.<mart column>}). Rates are fractions (0.1234 for
 * 12.34%), as in the mart, and the header says so. No 秘匿処理: the counts are offices, not persons (§8).
 */
final class RankingCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private record Column(String key, String suffixKey, Function<MunicipalAdoptionRow, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("national_rank", null, MunicipalAdoptionRow::nationalRank),
            new Column("prefecture_rank", null, MunicipalAdoptionRow::prefectureRank),
            new Column("prefecture_code", null, MunicipalAdoptionRow::prefectureCode),
            new Column("prefecture_name", null, MunicipalAdoptionRow::prefectureName),
            new Column("municipality_code", null, MunicipalAdoptionRow::municipalityCode),
            new Column("municipality_name", null, MunicipalAdoptionRow::municipalityName),
            new Column("offices_in_scope", null, MunicipalAdoptionRow::officesInScope),
            new Column("offices_applied", null, MunicipalAdoptionRow::officesApplied),
            new Column("application_rate", "csv.fraction", MunicipalAdoptionRow::applicationRate),
            new Column("offices_active", null, MunicipalAdoptionRow::officesActive),
            new Column("active_rate", "csv.fraction", MunicipalAdoptionRow::activeRate),
            new Column("size_class", null, MunicipalAdoptionRow::sizeClass),
            new Column("size_class_rank", null, MunicipalAdoptionRow::sizeClassRank),
            new Column("rate_change_3m", "csv.fraction_difference", MunicipalAdoptionRow::rateChange3m));

    private RankingCsv() {
    }

    static byte[] write(Ranking ranking, MessageSource messages) {
        List<String> header = new ArrayList<>(List.of(label("month", null, messages),
                label("denominator_scope", null, messages)));
        COLUMNS.forEach(c -> header.add(label(c.key(), c.suffixKey(), messages)));
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        for (MunicipalAdoptionRow row : ranking.rows()) {
            List<String> cells = new ArrayList<>(List.of(ranking.month(), ranking.scope().code()));
            COLUMNS.forEach(c -> cells.add(cell(c.value().apply(row))));
            line(csv, cells);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String label(String column, String suffixKey, MessageSource messages) {
        String label = messages.getMessage("column." + column, null, Locale.JAPAN);
        return suffixKey == null ? label : label + messages.getMessage(suffixKey, null, Locale.JAPAN);
    }

    /** Null (no figure) is an empty cell; doubles in their shortest exact form (0.1234, not 0.12340000000000001). */
    private static String cell(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(cells.get(i)));
        }
        csv.append("\r\n");
    }

    private static String quote(String cell) {
        boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
