package jp.renkei.dashboard.cardcheck;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.renkei.dashboard.export.ExportAbout;
import jp.renkei.dashboard.export.ExportTable;
import jp.renkei.dashboard.export.PageTable;
import jp.renkei.dashboard.export.ExportTable.Kind;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.JapaneseFormats;
import org.springframework.context.MessageSource;

/**
 * The card checks page's tables as exports, one table per file ({@code table=}), each with the page's month, area,
 * scope, definitions and source above it. Rates stay fractions, as on every export.
 */
final class CardCheckExport {

    /** The tables a user can download, by their {@code table=} name (also the table's id on the page). */
    enum Table implements PageTable {
        MUNICIPALITIES("municipalities"), REASONS("reasons"), TREND("trend");

        private final String param;

        Table(String param) {
            this.param = param;
        }

        static Table parse(String value) {
            return PageTable.parse(Table.class, value);
        }

        @Override
        public String param() {
            return param;
        }
    }

    private CardCheckExport() {
    }

    static ExportTable table(CardCheckPage page, Table table, Viewer viewer, MessageSource messages,
            JapaneseFormats formats, Clock clock) {
        ExportAbout about = ExportAbout.with(messages);
        String area = page.prefecture() == null ? about.message("cardcheck.scope.all")
                : messages.getMessage("viewer.role.prefecture", new Object[] {page.prefecture()}, Locale.JAPAN);
        List<ExportTable.About> lines = about
                // No month at all yet in this scope: the file says so with "—" and holds no rows.
                .line("export.reference_month", page.month() == null ? JapaneseFormats.MISSING
                        : formats.monthWithEra(page.month()) + "（" + page.month() + "）")
                .line("export.area", area)
                .viewer(viewer)
                .finish("export.definitions.card_checks", "export.source.card_check_activity", page.martRun(), clock);
        String title = about.message("cardcheck.title") + " — " + about.message(switch (table) {
            case MUNICIPALITIES -> "cardcheck.municipalities.heading";
            case REASONS -> "cardcheck.reasons.heading";
            case TREND -> "cardcheck.trend.heading";
        });
        return switch (table) {
            case MUNICIPALITIES -> new ExportTable(title, lines, List.of(
                    about.column("column.municipality_code", Kind.TEXT), about.column("column.municipality_name", Kind.TEXT),
                    about.column("column.prefecture_code", Kind.TEXT), about.column("cardcheck.offices", Kind.WHOLE),
                    about.column("cardcheck.checks", Kind.WHOLE), about.column("cardcheck.successes", Kind.WHOLE),
                    about.fraction(about.message("cardcheck.success_rate")), about.column("cardcheck.failed", Kind.WHOLE)),
                    page.municipalities().stream().map(m -> row(m.municipalityCode(), m.municipalityName(),
                            m.prefectureCode(), m.offices(), m.totals().checks(), m.totals().successes(),
                            m.totals().successRate(), m.totals().failed())).toList());
            case REASONS -> new ExportTable(title, lines, List.of(about.column("cardcheck.reason", Kind.TEXT),
                    about.column("cardcheck.failed", Kind.WHOLE), about.fraction(about.message("cardcheck.reason.share"))),
                    reasons(page.selected(), about));
            case TREND -> new ExportTable(title, lines, List.of(about.column("column.month", Kind.TEXT),
                    about.column("cardcheck.checks", Kind.WHOLE), about.column("cardcheck.successes", Kind.WHOLE),
                    about.fraction(about.message("cardcheck.success_rate")), about.column("cardcheck.failed", Kind.WHOLE)),
                    page.trend().stream().map(m -> row(m.month(), m.totals().checks(), m.totals().successes(),
                            m.totals().successRate(), m.totals().failed())).toList());
        };
    }

    private static List<List<Object>> reasons(CardCheckTotals totals, ExportAbout about) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Long> reason : totals.failureReasons()) {
            rows.add(row(about.message("cardcheck.reason." + reason.getKey()), reason.getValue(),
                    (double) reason.getValue() / totals.failed()));
        }
        return rows;
    }



    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
