package jp.renkei.dashboard.office;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jp.renkei.dashboard.export.ExportAbout;
import jp.renkei.dashboard.export.ExportTable;
import jp.renkei.dashboard.export.PageTable;
import jp.renkei.dashboard.export.ExportTable.Column;
import jp.renkei.dashboard.export.ExportTable.Kind;
import jp.renkei.dashboard.mart.MartRow;
import jp.renkei.dashboard.privacy.SmallCounts;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.JapaneseFormats;
import org.springframework.context.MessageSource;

/**
 * The office page as exports ({@code table=history|curve}): every month's exchanges, modelled savings and its own
 * reports beside each other (never summed), or its productivity index against its cohort's quartiles.
 */
final class OfficeExport {

    enum Table implements PageTable {
        HISTORY("history"), CURVE("curve");

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

    /** The history's columns: office_savings column → message key and kind, in the page's order. */
    private record Field(String column, String labelKey, Kind kind) {
    }

    private static final List<Field> HISTORY_FIELDS = List.of(
            new Field("files_sent", "office.files_sent", Kind.WHOLE),
            new Field("files_received", "office.files_received", Kind.WHOLE),
            new Field("linked_partners", "office.linked_partners", Kind.WHOLE),
            new Field("documents_sent", "office.documents_sent", Kind.WHOLE),
            new Field("sheets_saved", "office.sheets_saved", Kind.DECIMAL),
            new Field("postage_saved_yen", "office.postage_saved_yen", Kind.DECIMAL),
            new Field("handling_hours_saved", "office.handling_hours_saved", Kind.DECIMAL),
            new Field("transcription_hours_saved", "office.transcription_hours_saved", Kind.DECIMAL),
            new Field("savings_yen", "office.savings_yen", Kind.DECIMAL),
            new Field("license_yen", "office.license_yen", Kind.DECIMAL),
            new Field("net_savings_yen", "office.net_savings_yen", Kind.DECIMAL),
            new Field("reported_sheets_printed", "export.office.reported_sheets", Kind.DECIMAL),
            new Field("baseline_sheets_printed", "export.office.baseline_sheets", Kind.DECIMAL),
            new Field("reported_input_hours", "export.office.reported_input_hours", Kind.DECIMAL),
            new Field("baseline_input_hours", "export.office.baseline_input_hours", Kind.DECIMAL),
            new Field("reported_users", "export.office.reported_users", Kind.WHOLE),
            new Field("reported_care_managers_fte", "export.office.reported_care_managers_fte", Kind.DECIMAL),
            new Field("cases_per_care_manager", "office.band.cases", Kind.DECIMAL),
            new Field("band_ii_revenue_effect_yen", "export.office.band_ii_revenue_effect_yen", Kind.DECIMAL));

    private OfficeExport() {
    }

    static ExportTable table(OfficePage page, Table table, Viewer viewer, MessageSource messages,
            JapaneseFormats formats, Clock clock) {
        ExportAbout about = ExportAbout.with(messages);
        about.line("export.reference_month", formats.asOfMonthEndWithEra(page.month()) + "（" + page.month() + "）")
                .line("export.area", messages.getMessage("office.title", new Object[] {page.officeNumber()}, Locale.JAPAN))
                .viewer(viewer);
        String title = messages.getMessage("office.title", new Object[] {page.officeNumber()}, Locale.JAPAN) + " — ";
        if (table == Table.HISTORY) {
            List<ExportTable.About> lines = about.finish("export.definitions.office_savings",
                    "export.source.office_savings", page.martRun(), clock);
            List<Column> columns = new ArrayList<>(List.of(new Column(about.message("column.month"), Kind.TEXT)));
            HISTORY_FIELDS.forEach(field -> columns.add(new Column(about.message(field.labelKey()), field.kind())));
            return new ExportTable(title + about.message("office.history.heading"), lines, columns,
                    page.historyNewestFirst().stream().map(OfficeExport::historyRow).toList());
        }
        List<ExportTable.About> lines = about.finish("export.definitions.improvement", "export.source.improvement",
                page.martRun(), clock);
        return new ExportTable(title + about.message("office.curve.heading"), lines, List.of(
                new Column(about.message("office.curve.since"), Kind.WHOLE),
                new Column(about.message("office.curve.month"), Kind.TEXT),
                new Column(about.message("office.curve.index"), Kind.DECIMAL),
                new Column(about.message("office.curve.p25"), Kind.DECIMAL),
                new Column(about.message("office.curve.median"), Kind.DECIMAL),
                new Column(about.message("office.curve.p75"), Kind.DECIMAL)),
                page.curve().stream().map(point -> Arrays.<Object>asList(point.monthsSinceAdoption(), point.month(),
                        point.index(), point.cohortP25(), point.cohortMedian(), point.cohortP75())).toList());
    }

    private static List<Object> historyRow(MartRow month) {
        List<Object> cells = new ArrayList<>();
        cells.add(month.text("month"));
        for (Field field : HISTORY_FIELDS) {
            // Not a ?: expression: Long and Double operands would both be unboxed to double (3 would export as 3.0).
            if (month.mart().personCountColumns().contains(field.column())) {
                cells.add(SmallCounts.exportCell(month.whole(field.column())));
            } else if (field.kind() == Kind.WHOLE) {
                cells.add(month.whole(field.column()));
            } else {
                cells.add(month.decimal(field.column()));
            }
        }
        return cells;
    }
}
