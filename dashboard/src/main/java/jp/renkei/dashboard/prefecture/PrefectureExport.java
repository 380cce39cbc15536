package jp.renkei.dashboard.prefecture;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import jp.renkei.dashboard.export.ExportAbout;
import jp.renkei.dashboard.export.ExportTable;
import jp.renkei.dashboard.export.PageTable;
import jp.renkei.dashboard.export.ExportTable.Kind;
import jp.renkei.dashboard.mart.MartRow;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.JapaneseFormats;
import org.springframework.context.MessageSource;

/**
 * The prefecture page's tables as exports ({@code table=regions|trend}): its model regions against the offices outside
 * every region (the difference-in-differences with its 95 % interval, budget against the caps), and its months. Its
 * municipalities export from the ranking filtered to the prefecture, which the page links to.
 */
final class PrefectureExport {

    enum Table implements PageTable {
        REGIONS("regions"), TREND("trend");

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

    private PrefectureExport() {
    }

    static ExportTable table(PrefecturePage page, Table table, Viewer viewer, MessageSource messages,
            JapaneseFormats formats, Clock clock) {
        ExportAbout about = ExportAbout.with(messages);
        about.line("export.reference_month", formats.asOfMonthEndWithEra(page.month()) + "（" + page.month() + "）")
                .scope(page.scope())
                .line("export.area", page.prefectureName() + "（" + page.prefectureCode() + "）")
                .viewer(viewer);
        if (table == Table.REGIONS) {
            List<ExportTable.About> lines = about.finish("export.definitions.model_regions",
                    "export.source.model_region_effect", page.martRun(), clock);
            return new ExportTable(page.prefectureName() + " — " + about.message("prefecture.regions.heading"), lines,
                    List.of(about.column("column.region_id", Kind.TEXT), about.column("prefecture.region", Kind.TEXT),
                            about.column("column.start_month", Kind.TEXT), about.column("column.months_since_start", Kind.WHOLE),
                            about.column("prefecture.region.offices", Kind.WHOLE), about.fraction(about.message("prefecture.region.rate")),
                            about.fraction(about.message("prefecture.region.comparison_rate")), about.fraction(about.message("column.did_estimate")),
                            about.fraction(about.message("column.did_ci_low")), about.fraction(about.message("column.did_ci_high")),
                            about.column("prefecture.region.pairs", Kind.WHOLE), about.column("prefecture.region.files", Kind.WHOLE),
                            about.column("prefecture.region.budget", Kind.WHOLE), about.column("column.prefecture_budget_yen", Kind.WHOLE),
                            about.column("column.within_caps", Kind.TEXT)),
                    page.regions().stream().map(region -> regionRow(region, about)).toList());
        }
        List<ExportTable.About> lines = about.finish("export.definitions.ranking", "export.source.prefecture_adoption",
                page.martRun(), clock);
        return new ExportTable(page.prefectureName() + " — " + about.message("prefecture.trend.heading"), lines,
                List.of(about.column("column.month", Kind.TEXT), about.column("column.offices_in_scope", Kind.WHOLE),
                        about.column("column.offices_applied", Kind.WHOLE), about.fraction(about.message("column.application_rate")),
                        about.column("column.offices_active", Kind.WHOLE), about.fraction(about.message("column.active_rate"))),
                page.trendNewestFirst().stream().map(month -> Arrays.<Object>asList(month.text("month"),
                        month.whole("offices_in_scope"), month.whole("offices_applied"), month.decimal("application_rate"),
                        month.whole("offices_active"), month.decimal("active_rate"))).toList());
    }

    private static List<Object> regionRow(MartRow region, ExportAbout about) {
        return Arrays.asList(region.text("region_id"), region.text("region_name"), region.text("start_month"),
                region.whole("months_since_start"), region.whole("region_offices"),
                region.decimal("region_application_rate"), region.decimal("comparison_application_rate"),
                region.decimal("did_estimate"), region.decimal("did_ci_low"), region.decimal("did_ci_high"),
                region.whole("region_linked_pairs"), region.whole("region_files"), region.whole("budget_yen"),
                region.whole("prefecture_budget_yen"),
                about.message(Boolean.TRUE.equals(region.flag("within_caps")) ? "export.yes" : "export.no"));
    }



}
