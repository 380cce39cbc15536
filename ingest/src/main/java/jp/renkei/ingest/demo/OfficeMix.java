package jp.renkei.ingest.demo;

import java.util.List;
import java.util.Random;
import jp.renkei.ingest.standard.ServiceType;

/**
 * The share of each service type among offices and the share of each that has applied for a license by the
 * reference month. Shares are rough placeholders shaped by demo-figures.md §1 and §6 ([I] there): 居宅介護支援
 * about 15% of offices and the most likely to adopt, since it writes the plans.
 */
final class OfficeMix {
    record Share(ServiceType type, double officeShare, double adoptionByReferenceMonth) {
    }

    static final List<Share> SHARES = List.of(
            new Share(ServiceType.CARE_MANAGEMENT, 0.15, 0.26),
            new Share(ServiceType.HOME_HELP, 0.18, 0.12),
            new Share(ServiceType.DAY_SERVICE, 0.12, 0.10),
            new Share(ServiceType.COMMUNITY_DAY_SERVICE, 0.09, 0.08),
            new Share(ServiceType.HOME_NURSING, 0.08, 0.10),
            new Share(ServiceType.WELFARE_EQUIPMENT_RENTAL, 0.05, 0.16),
            new Share(ServiceType.DAY_REHABILITATION, 0.04, 0.08),
            new Share(ServiceType.SHORT_STAY, 0.05, 0.06),
            new Share(ServiceType.HOME_REHABILITATION, 0.02, 0.06),
            new Share(ServiceType.HOME_BATHING, 0.01, 0.08),
            new Share(ServiceType.SMALL_MULTIFUNCTION, 0.03, 0.06),
            new Share(ServiceType.PREVENTIVE_CARE_MANAGEMENT, 0.02, 0.10),
            new Share(ServiceType.DEMENTIA_GROUP_HOME, 0.08, 0.0),
            new Share(ServiceType.NURSING_HOME, 0.05, 0.0),
            new Share(ServiceType.HEALTH_FACILITY, 0.03, 0.0));

    private OfficeMix() {
    }

    static Share draw(Random random) {
        double total = SHARES.stream().mapToDouble(Share::officeShare).sum();
        double point = random.nextDouble() * total;
        for (Share share : SHARES) {
            point -= share.officeShare();
            if (point < 0) {
                return share;
            }
        }
        return SHARES.get(SHARES.size() - 1);
    }

    static double adoptionShare(ServiceType type) {
        return SHARES.stream().filter(share -> share.type() == type).mapToDouble(Share::adoptionByReferenceMonth)
                .findFirst().orElse(0);
    }
}
