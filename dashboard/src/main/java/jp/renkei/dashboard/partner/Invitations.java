package jp.renkei.dashboard.partner;

import java.util.List;
import jp.renkei.dashboard.mart.MartRow;

/**
 * An office's partners not on the system in a month, most persons shared first ({@code partner_opportunities}).
 *
 * @param unavailable why there is no list: {@code role} (the viewer's role may not read it), {@code unpublished} (no
 *                    run yet), or null
 */
public record Invitations(String officeNumber, String month, String martRun, List<MartRow> partners,
        String unavailable) {

    public static final int ON_PAGE = 10;

    public Invitations {
        partners = List.copyOf(partners);
    }

    public List<MartRow> onPage() {
        return partners.subList(0, Math.min(ON_PAGE, partners.size()));
    }
}
