package jp.renkei.dashboard.definitions;

import java.util.List;

/**
 * The indicators the definitions page explains by message key ({@code definitions.<id>.*}); ids are the marts' column
 * names, so a page links to {@code /definitions#<column>}. MessagesTest holds the messages to these lists.
 */
public final class Indicators {

    /** Tabulated with numerator, denominator, source and reference date, in the page's order. */
    public static final List<String> TABULATED = List.of("application_rate", "active_rate", "wilson_rank",
            "linked_partners", "sheets_saved", "postage_saved_yen", "handling_hours_saved", "transcription_hours_saved",
            "savings_yen", "net_savings_yen", "band_ii_revenue_effect_yen", "agreement_rate", "productivity_index",
            "did_estimate", "persons_shared", "linked_line_share", "largest_group", "success_rate");

    /** The ranking's own indicators, which the page explains above the others in its own words. */
    private static final List<String> ADOPTION = List.of("application_rate", "active_rate", "wilson_rank");

    /** The office, effects, prefecture and card-check pages' indicators: a named entry each, below the adoption ones. */
    public static final List<String> BEYOND_ADOPTION = TABULATED.stream().filter(id -> !ADOPTION.contains(id)).toList();

    private Indicators() {
    }
}
