package jp.renkei.dashboard.partner;

import java.util.List;
import jp.renkei.dashboard.mart.MartRow;

/**
 * A prefecture's recruitment view for a month: its most-wanted offices by {@code prefecture_rank}
 * ({@code partner_most_wanted}), what recruiting each model region's top 5 and 10 would add
 * ({@code recruitment_scenarios}), and the network of the prefecture and its regions ({@code network_measures}).
 *
 * @param unavailable {@code role}, {@code unpublished} or null, as in {@link Invitations}
 */
public record Recruitment(String prefectureCode, String month, String martRun, List<MartRow> mostWanted,
        List<MartRow> regionScenarios, List<MartRow> networks, String unavailable) {

    public static final int ON_PAGE = 20;

    public Recruitment {
        mostWanted = List.copyOf(mostWanted);
        regionScenarios = List.copyOf(regionScenarios);
        networks = List.copyOf(networks);
    }

    public List<MartRow> mostWantedOnPage() {
        return mostWanted.subList(0, Math.min(ON_PAGE, mostWanted.size()));
    }
}
