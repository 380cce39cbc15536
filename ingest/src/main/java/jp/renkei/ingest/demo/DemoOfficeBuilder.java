package jp.renkei.ingest.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.renkei.ingest.municipality.Municipality;
import jp.renkei.ingest.standard.ServiceType;

/**
 * Places offices in municipalities and decides who applied when. Cities get more offices than towns and villages;
 * each municipality gets an adoption factor, and a few small ones are "champions" near 100%, as in the ministry's
 * published rankings.
 */
final class DemoOfficeBuilder {
    private static final String[] NAME_WORDS = {"あおば", "さくら", "ひまわり", "みどり", "つばさ", "希望", "和", "陽だまり",
        "なごみ", "すずらん", "やすらぎ", "こすもす", "ふれあい", "ケアプラン①", "いずみ", "あさひ", "はなみずき", "ゆうあい"};
    private static final double CHAMPION_SHARE = 0.08;

    private final DemoNationConfig config;
    private final Random random;

    DemoOfficeBuilder(DemoNationConfig config, Random random) {
        this.config = config;
        this.random = random;
    }

    List<DemoOffice> build(List<Municipality> municipalities) {
        double[] weights = municipalities.stream().mapToDouble(this::officeWeight).toArray();
        double[] adoptionFactors = municipalities.stream().mapToDouble(this::adoptionFactor).toArray();
        double totalWeight = 0;
        for (double weight : weights) {
            totalWeight += weight;
        }
        AdoptionCurve curve = new AdoptionCurve(config.firstMonth(), config.lastMonth());
        LocalDate lastDay = config.lastMonth().atEndOfMonth();
        Map<String, Integer> serialByMunicipality = new HashMap<>();
        List<DemoOffice> offices = new ArrayList<>(config.officeCount());
        for (int i = 0; i < config.officeCount(); i++) {
            int index = pick(weights, totalWeight);
            Municipality municipality = municipalities.get(index);
            OfficeMix.Share share = OfficeMix.draw(random);
            int serial = serialByMunicipality.merge(municipality.code(), 1, Integer::sum);
            String officeNumber = municipality.prefectureCode() + "7" + municipality.code().substring(2, 5)
                    + String.format("%04d", serial);
            String location = municipality.wardCodes().isEmpty() ? municipality.code()
                    : municipality.wardCodes().get(random.nextInt(municipality.wardCodes().size()));
            double adoption = Math.min(0.97, OfficeMix.adoptionShare(share.type()) * adoptionFactors[index]);
            LocalDate appliedOn = null;
            LocalDate licenseStart = null;
            if (random.nextDouble() < adoption) {
                appliedOn = curve.drawApplicationDate(random);
                licenseStart = appliedOn.plusDays(random.nextInt(8));
                if (licenseStart.isAfter(lastDay)) {
                    licenseStart = lastDay;
                }
            }
            offices.add(new DemoOffice(officeNumber, share.type(), officeName(share.type()), municipality, location,
                    appliedOn, licenseStart));
        }
        return offices;
    }

    /** Cities carry more offices; a 政令市 more again for each ward. Population is not in the master. */
    private double officeWeight(Municipality municipality) {
        String name = municipality.name();
        double base = name.endsWith("市") || name.endsWith("区") ? 8 : name.endsWith("町") ? 2 : 1;
        base += 6.0 * municipality.wardCodes().size();
        return base * (0.6 + 0.8 * random.nextDouble());
    }

    private double adoptionFactor(Municipality municipality) {
        boolean small = !municipality.name().endsWith("市");
        if (small && random.nextDouble() < CHAMPION_SHARE * 2) {
            return 50;
        }
        return Math.exp(random.nextGaussian() * 0.7);
    }

    private int pick(double[] weights, double total) {
        double point = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            point -= weights[i];
            if (point < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private String officeName(ServiceType type) {
        String word = NAME_WORDS[random.nextInt(NAME_WORDS.length)];
        String suffix = switch (type) {
            case CARE_MANAGEMENT -> "ケアプランセンター";
            case PREVENTIVE_CARE_MANAGEMENT -> "地域包括支援センター";
            case HOME_HELP -> "ヘルパーステーション";
            case HOME_NURSING -> "訪問看護ステーション";
            case DAY_SERVICE, COMMUNITY_DAY_SERVICE -> "デイサービスセンター";
            case WELFARE_EQUIPMENT_RENTAL -> "福祉用具センター";
            default -> type.japaneseName();
        };
        // Some names carry a comma or quotes, as real ones do, so every CSV writer and reader is exercised.
        int shape = random.nextInt(40);
        if (shape == 0) {
            return suffix + "「" + word + "」, 本所";
        }
        if (shape == 1) {
            return "\"" + word + "\"" + suffix;
        }
        return word + suffix;
    }
}
