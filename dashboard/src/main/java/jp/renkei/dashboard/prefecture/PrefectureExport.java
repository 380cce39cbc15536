package jp.renkei.dashboard.prefecture;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import jp.renkei.dashboard.export.ExportAbout;
import jp.renkei.dashboard.export.ExportTable;
import jp.renkei.dashboard.export.PageTable;
import jp.renkei.dashboard.export.ExportTable.Column;
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
        String scopeKey = "scope." + page.scope();
        about.line("export.reference_month", formats.asOfMonthEndWithEra(page.month()) + "（" + page.month() + "）")
                .line("export.scope", about.message(scopeKey) + "（" + about.message(scopeKey + ".meaning") + "）")
                .line("export.area", page.prefectureName() + "（" + page.prefectureCode() + "）")
                .viewer(viewer);
        if (table == Table.REGIONS) {
            List<ExportTable.About> lines = about.finish("export.definitions.model_regions",
                    "export.source.model_region_effect", page.martRun(), clock);
            return new ExportTable(page.prefectureName() + " — " + about.message("prefecture.regions.heading"), lines,
                    List.of(text(about, "column.region_id"), text(about, "prefecture.region"),
                            text(about, "column.start_month"), whole(about, "column.months_since_start"),
                            whole(about, "prefecture.region.offices"), fraction(about, "prefecture.region.rate"),
                            fraction(about, "prefecture.region.comparison_rate"), fraction(about, "column.did_estimate"),
                            fraction(about, "column.did_ci_low"), fraction(about, "column.did_ci_high"),
                            whole(about, "prefecture.region.pairs"), whole(about, "prefecture.region.files"),
                            whole(about, "prefecture.region.budget"), whole(about, "column.prefecture_budget_yen"),
                            text(about, "column.within_caps")),
                    page.regions().stream().map(region -> regionRow(region, about)).toList());
        }
        List<ExportTable.About> lines = about.finish("export.definitions.ranking", "export.source.prefecture_adoption",
                page.martRun(), clock);
        return new ExportTable(page.prefectureName() + " — " + about.message("prefecture.trend.heading"), lines,
                List.of(text(about, "column.month"), whole(about, "column.offices_in_scope"),
                        whole(about, "column.offices_applied"), fraction(about, "column.application_rate"),
                        whole(about, "column.offices_active"), fraction(about, "column.active_rate")),
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

    private static Column text(ExportAbout about, String key) {
        return new Column(about.message(key), Kind.TEXT);
    }

    private static Column whole(ExportAbout about, String key) {
        return new Column(about.message(key), Kind.WHOLE);
    }

    private static Column fraction(ExportAbout about, String key) {
        return new Column(about.message(key) + about.message("csv.fraction"), Kind.FRACTION);
    }
}
