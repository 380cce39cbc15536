package jp.renkei.dashboard.partner;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.renkei.dashboard.export.ExportAbout;
import jp.renkei.dashboard.export.ExportTable;
import jp.renkei.dashboard.export.ExportTable.Kind;
import jp.renkei.dashboard.mart.MartRow;
import jp.renkei.dashboard.privacy.SmallCounts;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.JapaneseFormats;
import org.springframework.context.MessageSource;

/**
 * Invitation lists for an outreach campaign: an office's partners not on the system, or a prefecture's most-wanted
 * offices — every row, not only the page's first ones. Person counts of 1 or 2 are "<3" in every export, for every
 * role ({@link SmallCounts}).
 */
final class InvitationExport {

    private InvitationExport() {
    }

    static ExportTable office(Invitations invitations, Viewer viewer, MessageSource messages, JapaneseFormats formats,
            Clock clock) {
        ExportAbout about = ExportAbout.with(messages);
        String area = messages.getMessage("office.title", new Object[] {invitations.officeNumber()}, Locale.JAPAN);
        List<ExportTable.About> lines = lines(about, invitations.month(), area, invitations.martRun(), viewer, formats,
                clock);
        List<ExportTable.Column> columns = List.of(
                about.column("invitations.rank", Kind.WHOLE),
                about.column("invitations.office_number", Kind.TEXT),
                about.column("invitations.office_name", Kind.TEXT),
                about.column("invitations.service_type", Kind.TEXT),
                about.column("invitations.service_type_name", Kind.TEXT),
                about.column("invitations.municipality_code", Kind.TEXT),
                about.column("invitations.persons_shared", Kind.WHOLE),
                about.column("invitations.partner_lines", Kind.WHOLE),
                about.column("invitations.plan_lines", Kind.WHOLE),
                about.column("invitations.hours_saved", Kind.DECIMAL),
                about.column("invitations.savings_yen", Kind.DECIMAL));
        List<List<Object>> rows = new ArrayList<>();
        int rank = 0;
        for (MartRow partner : invitations.partners()) {
            rows.add(cells((long) ++rank, partner.text("partner_office_number"), partner.text("partner_name"),
                    partner.text("partner_service_type"), partner.text("partner_service_type_name"),
                    partner.text("partner_municipality_code"),
                    SmallCounts.exportCell(partner.whole("persons_shared")), partner.whole("partner_lines"),
                    partner.whole("plan_lines"), partner.decimal("hours_saved"), partner.decimal("savings_yen")));
        }
        return new ExportTable(area + " — " + about.message("invitations.office.heading"), lines, columns, rows);
    }

    static ExportTable prefecture(Recruitment recruitment, String prefectureName, Viewer viewer,
            MessageSource messages, JapaneseFormats formats, Clock clock) {
        ExportAbout about = ExportAbout.with(messages);
        List<ExportTable.About> lines = lines(about, recruitment.month(), prefectureName, recruitment.martRun(), viewer,
                formats, clock);
        List<ExportTable.Column> columns = List.of(
                about.column("invitations.prefecture_rank", Kind.WHOLE),
                about.column("invitations.municipality_rank", Kind.WHOLE),
                about.column("invitations.office_number", Kind.TEXT),
                about.column("invitations.office_name", Kind.TEXT),
                about.column("invitations.service_type", Kind.TEXT),
                about.column("invitations.service_type_name", Kind.TEXT),
                about.column("invitations.municipality_code", Kind.TEXT),
                about.column("invitations.adopting_partners", Kind.WHOLE),
                about.column("invitations.persons_shared", Kind.WHOLE),
                about.column("invitations.partner_lines", Kind.WHOLE),
                about.column("invitations.savings_yen", Kind.DECIMAL));
        List<List<Object>> rows = new ArrayList<>();
        for (MartRow wanted : recruitment.mostWanted()) {
            Integer municipalityRank = wanted.small("municipality_rank");
            rows.add(cells(wanted.small("prefecture_rank").longValue(),
                    municipalityRank == null ? null : municipalityRank.longValue(), wanted.text("office_number"),
                    wanted.text("office_name"), wanted.text("service_type"), wanted.text("service_type_name"),
                    wanted.text("municipality_code"), wanted.whole("adopting_partners"),
                    SmallCounts.exportCell(wanted.whole("persons_shared")), wanted.whole("partner_lines"),
                    wanted.decimal("savings_yen")));
        }
        return new ExportTable(prefectureName + " — " + about.message("invitations.prefecture.heading"), lines,
                columns, rows);
    }

    /** The lines above both lists: month, area, role, the small-count rule, definitions, source, time made. */
    private static List<ExportTable.About> lines(ExportAbout about, String month, String area, String martRun,
            Viewer viewer, JapaneseFormats formats, Clock clock) {
        return about
                .line("export.reference_month", formats.asOfMonthEndWithEra(month) + "（" + month + "）")
                .line("export.area", area)
                .viewer(viewer)
                .line("export.small_counts", about.message("export.small_counts.rule"))
                .finish("export.definitions.invitations", "export.source.invitations", martRun, clock);
    }

    /** A row as a list that may hold nulls (List.of may not). */
    private static List<Object> cells(Object... values) {
        return java.util.Arrays.asList(values);
    }
}
