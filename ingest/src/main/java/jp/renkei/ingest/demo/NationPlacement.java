package jp.renkei.ingest.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import jp.renkei.ingest.municipality.Municipality;
import jp.renkei.ingest.standard.ServiceType;

/**
 * Places the whole nation's offices and decides who applied when; the generator then keeps the prefectures of its
 * scale. Placing the whole nation each time (a second for 220,000 offices) keeps one calibration for every scale:
 * the national adoption curve holds for the nation, and a prefecture is the same slice of it at every scale.
 *
 * <p>Offices per municipality follow its elderly residents: its size class's mean times a log-normal spread, since
 * the master carries no population. A village or town may have no 居宅介護支援 office at all, and small ones often
 * exactly one (the 社会福祉協議会's). Adoption is a proportional hazard: an office's chance to hold a license by a
 * month is its propensity (type × prefecture × municipality, a few small "champion" towns near 100%) times the
 * national curve, plus a lift inside model regions once they start, calibrated so the nation meets the curve.
 */
final class NationPlacement {
    static final double ELDERLY_SPREAD = 0.75;
    /** Towns are more alike than cities; a wider spread gives far more one-office towns than the 201 published. */
    static final double TOWN_ELDERLY_SPREAD = 0.5;
    /** 175 wards in 20 政令市. [S] */
    static final double DESIGNATED_CITY_MEAN_WARDS = 175.0 / 20;
    static final double MUNICIPALITY_ADOPTION_SPREAD = 0.7;
    static final double PREFECTURE_ADOPTION_SPREAD = 0.35;
    static final double CHAMPION_SHARE = 0.05;
    static final double CHAMPION_FACTOR = 40;
    static final double MODEL_REGION_LIFT = 0.25;
    static final int MODEL_REGION_RAMP_MONTHS = 12;
    static final double CARE_MANAGERS_PER_OFFICE_MEAN = 3.1;
    private static final String[] NAME_WORDS = {"あおば", "さくら", "ひまわり", "みどり", "つばさ", "希望", "和", "陽だまり",
        "なごみ", "すずらん", "やすらぎ", "こすもす", "ふれあい", "ケアプラン①", "いずみ", "あさひ", "はなみずき", "ゆうあい"};

    /** An office before its adoption is drawn. */
    private record Draft(String officeNumber, ServiceType type, String name, Municipality municipality,
            String locationCode, int careManagers, double popularity, double propensity, YearMonth liftStart) {
    }

    private final long seed;

    NationPlacement(long seed) {
        this.seed = seed;
    }

    /** Every office of the nation, adoption drawn, in municipality order. */
    List<DemoOffice> place(List<Municipality> nation, List<ModelRegion> regions, DemoNationConfig config) {
        Map<String, YearMonth> regionStartByMunicipality = new HashMap<>();
        regions.forEach(region -> region.municipalities()
                .forEach(municipality -> regionStartByMunicipality.put(municipality.code(), region.startMonth())));
        double[] elderly = nation.stream().mapToDouble(this::elderlyResidents).toArray();
        double totalElderly = 0;
        for (double residents : elderly) {
            totalElderly += residents;
        }
        Map<String, Double> prefectureFactors = new HashMap<>();
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < nation.size(); i++) {
            Municipality municipality = nation.get(i);
            double prefectureFactor = prefectureFactors.computeIfAbsent(municipality.prefectureCode(), code ->
                    Draws.logNormalMeanOne(Draws.random(seed, "prefecture-adoption", code), PREFECTURE_ADOPTION_SPREAD));
            double nationShare = elderly[i] / totalElderly;
            drafts.addAll(draftsOf(municipality, nationShare, prefectureFactor,
                    regionStartByMunicipality.get(municipality.code())));
        }
        double scale = calibrate(drafts);
        List<DemoOffice> offices = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            offices.add(adopt(draft, scale * config.adoptionBoost(), config));
        }
        return offices;
    }

    /** A 政令市 scales with its wards (3 to 18), every other class spreads log-normally around its mean. */
    private double elderlyResidents(Municipality municipality) {
        SplittableRandom random = Draws.random(seed, "elderly", municipality.code());
        MunicipalitySize size = MunicipalitySize.of(municipality);
        if (size == MunicipalitySize.DESIGNATED_CITY) {
            return size.meanElderlyResidents() / DESIGNATED_CITY_MEAN_WARDS * municipality.wardCodes().size()
                    * Draws.logNormalMeanOne(random, 0.3);
        }
        double spread = size == MunicipalitySize.TOWN ? TOWN_ELDERLY_SPREAD : ELDERLY_SPREAD;
        return size.meanElderlyResidents() * Draws.logNormalMeanOne(random, spread);
    }

    private List<Draft> draftsOf(Municipality municipality, double nationShare, double prefectureFactor,
            YearMonth liftStart) {
        SplittableRandom random = Draws.random(seed, "offices", municipality.code());
        MunicipalitySize size = MunicipalitySize.of(municipality);
        double municipalityFactor = Draws.logNormalMeanOne(random, MUNICIPALITY_ADOPTION_SPREAD);
        boolean small = size == MunicipalitySize.TOWN || size == MunicipalitySize.VILLAGE;
        if (small && random.nextDouble() < CHAMPION_SHARE) {
            municipalityFactor = CHAMPION_FACTOR;
        }
        double areaFactor = prefectureFactor * municipalityFactor;
        List<Draft> drafts = new ArrayList<>();
        int careManagement = careManagementOffices(random, size, OfficeFigures.CARE_MANAGEMENT_OFFICES * nationShare);
        add(drafts, random, municipality, ServiceType.CARE_MANAGEMENT, careManagement, areaFactor, liftStart);
        OfficeFigures.SERVICE_OFFICES.forEach((type, count) -> add(drafts, random, municipality, type,
                Draws.poisson(random, count * nationShare), areaFactor, liftStart));
        OfficeFigures.FACILITIES.forEach((type, count) -> add(drafts, random, municipality, type,
                Draws.poisson(random, count * nationShare), 0, null));
        return drafts;
    }

    /**
     * Villages and towns: some have no office (29 municipalities nationally at the end of 2024), and many exactly one
     * (201); elsewhere the count follows the elderly residents.
     */
    private static int careManagementOffices(SplittableRandom random, MunicipalitySize size, double mean) {
        double noOffice = switch (size) {
            case VILLAGE -> 0.12;
            case TOWN -> 0.012;
            default -> 0;
        };
        if (random.nextDouble() < noOffice) {
            return 0;
        }
        return 1 + Draws.poisson(random, Math.max(0, mean - 1));
    }

    private void add(List<Draft> drafts, SplittableRandom random, Municipality municipality, ServiceType type, int count,
            double areaFactor, YearMonth liftStart) {
        for (int i = 0; i < count; i++) {
            int serial = drafts.size() + 1;
            String officeNumber = municipality.prefectureCode() + "7" + municipality.code().substring(2, 5)
                    + String.format("%04d", serial);
            String location = municipality.wardCodes().isEmpty() ? municipality.code()
                    : municipality.wardCodes().get(random.nextInt(municipality.wardCodes().size()));
            int careManagers = type == ServiceType.CARE_MANAGEMENT
                    ? 1 + Draws.poisson(random, CARE_MANAGERS_PER_OFFICE_MEAN - 1) : 0;
            double popularity = Draws.logNormalMeanOne(random, 0.8);
            drafts.add(new Draft(officeNumber, type, officeName(random, type), municipality, location, careManagers,
                    popularity, OfficeFigures.adoptionFactor(type) * areaFactor, type.inStandardScope() ? liftStart : null));
        }
    }

    /** The factor on every propensity that makes the nation's in-scope share at the calibration month the curve's. */
    private static double calibrate(List<Draft> drafts) {
        double target = NationalAdoption.share(NationalAdoption.CALIBRATION_MONTH);
        double low = 0;
        double high = 10;
        for (int step = 0; step < 60; step++) {
            double middle = (low + high) / 2;
            if (expectedShare(drafts, middle, NationalAdoption.CALIBRATION_MONTH) < target) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    private static double expectedShare(List<Draft> drafts, double scale, YearMonth month) {
        double sum = 0;
        int inScope = 0;
        for (Draft draft : drafts) {
            if (draft.type().inStandardScope()) {
                inScope++;
                sum += adoptedProbability(draft, scale, month);
            }
        }
        return sum / inScope;
    }

    private static double adoptedProbability(Draft draft, double scale, YearMonth month) {
        double lift = 0;
        if (draft.liftStart() != null && !month.isBefore(draft.liftStart())) {
            long months = NationalAdoption.monthsBetween(draft.liftStart(), month) + 1;
            lift = MODEL_REGION_LIFT * Math.min(1.0, (double) months / MODEL_REGION_RAMP_MONTHS);
        }
        return Math.min(1, scale * draft.propensity() * NationalAdoption.share(month) + lift);
    }

    /** The first month whose probability passes the office's own draw is the month it applied in. */
    private DemoOffice adopt(Draft draft, double scale, DemoNationConfig config) {
        SplittableRandom random = Draws.random(seed, "adoption", draft.officeNumber());
        double threshold = random.nextDouble();
        LocalDate appliedOn = null;
        LocalDate licenseStart = null;
        for (YearMonth month = config.firstMonth(); !month.isAfter(config.lastMonth()); month = month.plusMonths(1)) {
            if (threshold < adoptedProbability(draft, scale, month)) {
                appliedOn = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
                licenseStart = appliedOn.plusDays(random.nextInt(8));
                LocalDate lastDay = config.lastMonth().atEndOfMonth();
                if (licenseStart.isAfter(lastDay)) {
                    licenseStart = lastDay;
                }
                break;
            }
        }
        return new DemoOffice(draft.officeNumber(), draft.type(), draft.name(), draft.municipality(),
                draft.locationCode(), draft.careManagers(), draft.popularity(), appliedOn, licenseStart);
    }

    private static String officeName(SplittableRandom random, ServiceType type) {
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
