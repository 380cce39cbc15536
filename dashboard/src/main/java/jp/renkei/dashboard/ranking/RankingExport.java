package jp.renkei.dashboard.ranking;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import jp.renkei.dashboard.export.ExportAbout;
import jp.renkei.dashboard.export.ExportTable;
import jp.renkei.dashboard.export.ExportTable.About;
import jp.renkei.dashboard.export.ExportTable.Column;
import jp.renkei.dashboard.export.ExportTable.Kind;
import jp.renkei.dashboard.system.JapaneseFormats;
import org.springframework.context.MessageSource;

/**
 * The ranking page as an {@link ExportTable}: the page's rows in the page's order, the mart's columns with the page's
 * Japanese labels ({@code column.<mart column>}), and above them the reference month, scope, viewer, filters,
 * definitions and source. Rates stay fractions (0.1234 for 12.34%) as in the mart; the CSV header says so, the XLSX
 * formats them as percentages. No 秘匿処理: the counts are offices, not persons (§8).
 */
final class RankingExport {

    private record Field(String key, String suffixKey, Kind kind, Function<MunicipalAdoptionRow, Object> value) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("national_rank", null, Kind.WHOLE, MunicipalAdoptionRow::nationalRank),
            new Field("prefecture_rank", null, Kind.WHOLE, MunicipalAdoptionRow::prefectureRank),
            new Field("prefecture_code", null, Kind.TEXT, MunicipalAdoptionRow::prefectureCode),
            new Field("prefecture_name", null, Kind.TEXT, MunicipalAdoptionRow::prefectureName),
            new Field("municipality_code", null, Kind.TEXT, MunicipalAdoptionRow::municipalityCode),
            new Field("municipality_name", null, Kind.TEXT, MunicipalAdoptionRow::municipalityName),
            new Field("offices_in_scope", null, Kind.WHOLE, MunicipalAdoptionRow::officesInScope),
            new Field("offices_applied", null, Kind.WHOLE, MunicipalAdoptionRow::officesApplied),
            new Field("application_rate", "csv.fraction", Kind.FRACTION, MunicipalAdoptionRow::applicationRate),
            new Field("offices_active", null, Kind.WHOLE, MunicipalAdoptionRow::officesActive),
            new Field("active_rate", "csv.fraction", Kind.FRACTION, MunicipalAdoptionRow::activeRate),
            new Field("size_class", null, Kind.TEXT, MunicipalAdoptionRow::sizeClass),
            new Field("size_class_rank", null, Kind.WHOLE, MunicipalAdoptionRow::sizeClassRank),
            new Field("rate_change_3m", "csv.fraction_difference", Kind.FRACTION, MunicipalAdoptionRow::rateChange3m),
            new Field("wilson_lower_bound", "csv.fraction", Kind.FRACTION, MunicipalAdoptionRow::wilsonLowerBound),
            new Field("wilson_rank", null, Kind.WHOLE, MunicipalAdoptionRow::wilsonRank));

    private RankingExport() {
    }

    static ExportTable table(Ranking ranking, MessageSource messages, JapaneseFormats formats, Clock clock) {
        List<Column> columns = new ArrayList<>(List.of(new Column(message(messages, "column.month"), Kind.TEXT),
                new Column(message(messages, "column.denominator_scope"), Kind.TEXT)));
        FIELDS.forEach(field -> columns.add(new Column(field.suffixKey() == null ? message(messages, "column." + field.key())
                : message(messages, "column." + field.key()) + message(messages, field.suffixKey()), field.kind())));
        List<List<Object>> rows = new ArrayList<>();
        for (MunicipalAdoptionRow row : ranking.rows()) {
            List<Object> cells = new ArrayList<>(List.of(ranking.month(), ranking.scope().code()));
            FIELDS.forEach(field -> cells.add(field.value().apply(row)));
            rows.add(cells);
        }
        String area = ranking.prefecture() == null ? message(messages, "ranking.filter.prefecture.all")
                : ranking.prefectures().stream().filter(p -> p.code().equals(ranking.prefecture())).map(Prefecture::name)
                        .findFirst().orElse(ranking.prefecture());
        List<About> about = ExportAbout.with(messages)
                .line("export.reference_month", formats.asOfMonthEndWithEra(ranking.month()) + "（" + ranking.month() + "）")
                .scope(ranking.scope().code())
                .line("export.area", area)
                .line("export.filter", filter(ranking.filter(), messages))
                .viewer(ranking.viewer())
                .line("export.sort", ranking.sort().key().param() + " " + ranking.sort().dir())
                .finish("export.definitions.ranking", "export.source.municipal_adoption", ranking.run().runId(), clock);
        return new ExportTable(message(messages, "ranking.title"), about, columns, rows);
    }

    /** The list filter in words, "なし" when none: 検索「米子」、規模区分 L、対象事業所 10 以上. */
    private static String filter(RankingFilter filter, MessageSource messages) {
        List<String> parts = new ArrayList<>();
        filter.search().ifPresent(text -> parts.add(messages.getMessage("export.filter.search", new Object[] {text},
                Locale.JAPAN)));
        filter.sizeClass().ifPresent(size -> parts.add(messages.getMessage("export.filter.size_class",
                new Object[] {message(messages, "size_class." + size)}, Locale.JAPAN)));
        if (filter.minOffices() > 0) {
            parts.add(messages.getMessage("export.filter.min_offices", new Object[] {filter.minOfficesParam()},
                    Locale.JAPAN));
        }
        return parts.isEmpty() ? message(messages, "export.filter.none") : String.join("、", parts);
    }

    /** The download's base names: ASCII (mart, month, area, scope) and Japanese. */
    static String asciiName(Ranking ranking) {
        return RankingQuery.MART + "_" + ranking.month() + area(ranking) + "_" + ranking.scope().code();
    }

    static String japaneseName(Ranking ranking) {
        return "申請率ランキング_" + ranking.month() + area(ranking) + "_" + ranking.scope().code();
    }

    private static String area(Ranking ranking) {
        return ranking.prefecture() == null ? "" : "_" + ranking.prefecture();
    }

    private static String message(MessageSource messages, String key) {
        return messages.getMessage(key, null, Locale.JAPAN);
    }
}
