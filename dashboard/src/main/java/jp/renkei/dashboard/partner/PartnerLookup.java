package jp.renkei.dashboard.partner;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import jp.renkei.dashboard.mart.MartRow;
import jp.renkei.dashboard.mart.MartRows;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.marts.Mart;
import org.springframework.stereotype.Component;

/**
 * Reads the partner marts for the office and prefecture pages and their invitation lists, narrowed to the viewer.
 * A role that may not read a mart, or a mart not yet published, gives an empty view that says why; the page itself
 * still shows.
 */
@Component
public class PartnerLookup {

    private static final Comparator<MartRow> MOST_PERSONS_FIRST = Comparator
            .comparing((MartRow row) -> row.whole("persons_shared"), Comparator.reverseOrder())
            .thenComparing(row -> row.decimal("savings_yen"), Comparator.reverseOrder())
            .thenComparing(row -> row.text("partner_office_number"));

    private final MartRows marts;

    PartnerLookup(MartRows marts) {
        this.marts = marts;
    }

    public Invitations forOffice(String officeNumber, String month, Viewer viewer) throws SQLException {
        if (!viewer.canRead(Mart.PARTNER_OPPORTUNITIES)) {
            return new Invitations(officeNumber, month, null, List.of(), "role");
        }
        try {
            MartRows.Selection selection = marts.select(Mart.PARTNER_OPPORTUNITIES, viewer.conditions(
                    Mart.PARTNER_OPPORTUNITIES, Map.of("office_number", officeNumber, "month", month)));
            List<MartRow> partners = selection.rows().stream().sorted(MOST_PERSONS_FIRST).toList();
            return new Invitations(officeNumber, month, selection.run().runId(), partners, null);
        } catch (DashboardException notPublished) {
            return new Invitations(officeNumber, month, null, List.of(), unpublishedOrRethrow(notPublished));
        }
    }

    public Recruitment forPrefecture(String prefectureCode, String month, Viewer viewer) throws SQLException {
        // The prefecture's lists go to those who may open its page (the ministry and the prefecture), not to a
        // municipality or office, who would get a list cut to their own rows under a prefecture's title.
        if (!viewer.canRead(Mart.PREFECTURE_ADOPTION)) {
            return new Recruitment(prefectureCode, month, null, List.of(), List.of(), List.of(), "role");
        }
        try {
            Map<String, String> ofMonth = Map.of("prefecture_code", prefectureCode, "month", month);
            MartRows.Selection wanted = marts.select(Mart.PARTNER_MOST_WANTED,
                    viewer.conditions(Mart.PARTNER_MOST_WANTED, ofMonth));
            List<MartRow> mostWanted = wanted.rows().stream()
                    .sorted(Comparator.comparing((MartRow row) -> row.small("prefecture_rank"))).toList();
            List<MartRow> scenarios = marts.select(Mart.RECRUITMENT_SCENARIOS, viewer.conditions(
                    Mart.RECRUITMENT_SCENARIOS, Map.of("prefecture_code", prefectureCode, "month", month,
                            "area_type", "model_region"))).rows();
            List<MartRow> networks = marts.select(Mart.NETWORK_MEASURES,
                    viewer.conditions(Mart.NETWORK_MEASURES, ofMonth)).rows().stream()
                    .sorted(Comparator.comparing((MartRow row) -> !"prefecture".equals(row.text("area_type")))
                            .thenComparing(row -> row.text("area_code")))
                    .toList();
            return new Recruitment(prefectureCode, month, wanted.run().runId(), mostWanted, scenarios, networks, null);
        } catch (DashboardException notPublished) {
            return new Recruitment(prefectureCode, month, null, List.of(), List.of(), List.of(),
                    unpublishedOrRethrow(notPublished));
        }
    }

    private static String unpublishedOrRethrow(DashboardException failure) {
        if (failure.isMartUnpublished()) {
            return "unpublished";
        }
        throw failure;
    }
}
