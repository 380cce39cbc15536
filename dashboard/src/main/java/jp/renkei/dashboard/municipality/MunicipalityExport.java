package jp.renkei.dashboard.municipality;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jp.renkei.dashboard.export.ExportAbout;
import jp.renkei.dashboard.export.ExportTable;
import jp.renkei.dashboard.export.PageTable;
import jp.renkei.dashboard.export.ExportTable.Kind;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.JapaneseFormats;
import org.springframework.context.MessageSource;

/**
 * The municipality page's tables as exports ({@code table=trend|service_types}): the monthly rates beside the
 * prefecture's and the nation's, and the offices by service type, with the page's month, scope and source above.
 */
final class MunicipalityExport {

    enum Table implements PageTable {
        TREND("trend"), SERVICE_TYPES("service_types");

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

    private MunicipalityExport() {
    }

    static ExportTable table(MunicipalityPage page, Table table, Viewer viewer, MessageSource messages,
            JapaneseFormats formats, Clock clock) {
        ExportAbout about = ExportAbout.with(messages);
        List<ExportTable.About> lines = about
                .line("export.reference_month", formats.asOfMonthEndWithEra(page.month()) + "（" + page.month() + "）")
                .scope(page.scope())
                .line("export.area", page.prefectureName() + " " + page.municipalityName() + "（" + page.municipalityCode()
                        + "）")
                .viewer(viewer)
                .finish("export.definitions.ranking", "export.source.municipal_adoption", page.martRun(), clock);
        String title = page.municipalityName() + " — " + about.message(table == Table.TREND
                ? "municipality.trend.heading" : "municipality.service_types.heading");
        if (table == Table.TREND) {
            return new ExportTable(title, lines, List.of(about.column("column.month", Kind.TEXT),
                    about.column("column.offices_in_scope", Kind.WHOLE), about.column("column.offices_applied", Kind.WHOLE),
                    about.fraction(about.message("column.application_rate")),
                    about.fraction(messages.getMessage("municipality.prefecture_rate", new Object[] {page.prefectureName()},
                            Locale.JAPAN)),
                    about.fraction(about.message("municipality.national_rate")),
                    about.column("column.offices_active", Kind.WHOLE), about.fraction(about.message("column.active_rate")),
                    about.fraction(messages.getMessage("municipality.prefecture_active_rate",
                            new Object[] {page.prefectureName()}, Locale.JAPAN)),
                    about.fraction(about.message("municipality.national_active_rate"))),
                    page.trendNewestFirst().stream().map(row -> {
                        String month = row.text("month");
                        return Arrays.<Object>asList(month, row.whole("offices_in_scope"), row.whole("offices_applied"),
                                row.decimal("application_rate"), page.prefectureApplicationRate(month),
                                page.nationalApplicationRate(month), row.whole("offices_active"),
                                row.decimal("active_rate"), page.prefectureActiveRate(month),
                                page.nationalActiveRate(month));
                    }).toList());
        }
        return new ExportTable(title, lines, List.of(about.column("column.service_type", Kind.TEXT),
                about.column("column.service_type_name", Kind.TEXT),
                about.column("column.offices_in_scope", Kind.WHOLE), about.column("column.offices_applied", Kind.WHOLE),
                about.fraction(about.message("column.application_rate")),
                about.column("column.offices_active", Kind.WHOLE), about.fraction(about.message("column.active_rate"))),
                page.serviceTypes().stream().map(row -> Arrays.<Object>asList(row.text("service_type"),
                        row.text("service_type_name"), row.whole("offices_in_scope"), row.whole("offices_applied"),
                        row.decimal("application_rate"), row.whole("offices_active"), row.decimal("active_rate")))
                        .toList());
    }


}
