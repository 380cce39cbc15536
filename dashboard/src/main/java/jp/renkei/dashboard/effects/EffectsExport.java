package jp.renkei.dashboard.effects;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import jp.renkei.dashboard.export.ExportAbout;
import jp.renkei.dashboard.export.ExportTable;
import jp.renkei.dashboard.export.PageTable;
import jp.renkei.dashboard.export.ExportTable.Kind;
import jp.renkei.dashboard.mart.MartRow;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardException;
import org.springframework.context.MessageSource;

/**
 * The effects page as exports ({@code table=curve|agreement}): the cohort's U-curve (quartiles of the productivity
 * index by months since adoption) or plan/actual agreement by month over the viewer's offices.
 */
final class EffectsExport {

    enum Table implements PageTable {
        CURVE("curve"), AGREEMENT("agreement");

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

    private EffectsExport() {
    }

    static ExportTable table(EffectsPage page, Table table, Viewer viewer, MessageSource messages, Clock clock) {
        ExportAbout about = ExportAbout.with(messages);
        if (table == Table.CURVE) {
            List<ExportTable.About> lines = about
                    .line("effects.cohort", "all".equals(page.cohort()) ? about.message("effects.cohort.all") : page.cohort())
                    .viewer(viewer)
                    .finish("export.definitions.improvement", "export.source.improvement", page.curveRun(), clock);
            return new ExportTable(about.message("effects.curve.heading"), lines, List.of(
                    about.column("office.curve.since", Kind.WHOLE),
                    about.column("effects.offices", Kind.WHOLE),
                    about.column("effects.p25", Kind.DECIMAL),
                    about.column("effects.median", Kind.DECIMAL),
                    about.column("effects.p75", Kind.DECIMAL),
                    about.fraction(about.message("effects.at_baseline"))),
                    page.curve().stream().map(EffectsExport::curveRow).toList());
        }
        if (page.agreement() == null) {
            throw "role".equals(page.agreementUnavailable())
                    ? DashboardException.martClosedToRole("plan_actual_agreement", viewer)
                    : DashboardException.martNotPublished("plan_actual_agreement", "plan_actual_agreement は未公開です");
        }
        List<ExportTable.About> lines = about.viewer(viewer)
                .finish("export.definitions.agreement", "export.source.agreement", page.curveRun(), clock);
        return new ExportTable(about.message("effects.agreement.heading"), lines, List.of(
                about.column("column.month", Kind.TEXT),
                about.column("effects.agreement.offices", Kind.WHOLE),
                about.column("office.agreement.planned", Kind.WHOLE),
                about.column("office.agreement.matched", Kind.WHOLE),
                about.column("office.agreement.moved", Kind.WHOLE),
                about.column("office.agreement.cancelled", Kind.WHOLE),
                about.column("office.agreement.added", Kind.WHOLE),
                about.fraction(about.message("office.agreement.rate"))),
                page.agreement().stream().map(month -> Arrays.<Object>asList(month.month(), month.offices(),
                        month.planned(), month.matched(), month.moved(), month.cancelled(), month.added(),
                        month.matchedShare())).toList());
    }

    private static List<Object> curveRow(MartRow point) {
        Long offices = point.whole("offices");
        Long atBaseline = point.whole("offices_at_baseline");
        Double share = offices == null || offices == 0 || atBaseline == null ? null : (double) atBaseline / offices;
        return Arrays.asList(point.small("months_since_adoption"), offices, point.decimal("index_p25"),
                point.decimal("index_median"), point.decimal("index_p75"), share);
    }
}
