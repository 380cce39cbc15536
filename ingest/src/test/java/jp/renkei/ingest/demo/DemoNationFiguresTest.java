package jp.renkei.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.municipality.Municipality;
import jp.renkei.ingest.municipality.MunicipalityMaster;
import jp.renkei.ingest.standard.ServiceType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole nation's offices and adoption (placed in about two seconds, no files) against the public figures they
 * are calibrated to, each within the tolerance docs/demo-nation.md states.
 */
class DemoNationFiguresTest {
    private static List<Municipality> nation;
    private static List<ModelRegion> regions;
    private static List<DemoOffice> offices;
    private static long inScope;

    @BeforeAll
    static void placeTheNation() throws IOException, InputRejectedException {
        try (InputStreamReader reader = new InputStreamReader(
                DemoNationGenerator.class.getResourceAsStream(DemoNationGenerator.MASTER_RESOURCE), StandardCharsets.UTF_8)) {
            nation = MunicipalityMaster.read("localgovjp-utf8.csv", reader).municipalities().stream()
                    .sorted(Comparator.comparing(Municipality::code)).toList();
        }
        DemoNationConfig config = DemoNationConfig.of(DemoScale.NATION, DemoNationConfig.DEFAULT_SEED,
                DemoNationConfig.DEFAULT_LAST_MONTH);
        regions = ModelRegionPlanner.plan(config.seed(), nation);
        offices = new NationPlacement(config.seed()).place(nation, regions, config);
        inScope = offices.stream().filter(DemoOffice::inStandardScope).count();
    }

    @Test
    void nationalAdoptionFollowsThePublishedFiguresMonthByMonth() {
        assertThat(adoptedShare(YearMonth.of(2023, 11))).as("2023-11, published 4.6%").isCloseTo(0.046, within(0.005));
        assertThat(adoptedShare(YearMonth.of(2025, 5))).as("2025-05, published about 6%").isCloseTo(0.060, within(0.005));
        assertThat(adoptedShare(YearMonth.of(2026, 1))).as("2026-01, published 7.6%").isCloseTo(0.076, within(0.003));
        double previous = 0;
        for (YearMonth month = YearMonth.of(2023, 4); !month.isAfter(YearMonth.of(2026, 10)); month = month.plusMonths(1)) {
            double share = adoptedShare(month);
            assertThat(share).as("adoption never falls (%s)", month).isGreaterThanOrEqualTo(previous);
            previous = share;
        }
        double beforeFreePass = adoptedShare(YearMonth.of(2025, 5)) - adoptedShare(YearMonth.of(2025, 4));
        double freePassMonth = adoptedShare(YearMonth.of(2025, 6)) - adoptedShare(YearMonth.of(2025, 5));
        assertThat(freePassMonth).as("the フリーパス month adds more than the month before").isGreaterThan(2 * beforeFreePass);
    }

    @Test
    void officeCountsMatchTheNationalTotals() {
        long careManagement = offices.stream().filter(office -> office.type() == ServiceType.CARE_MANAGEMENT).count();
        assertThat((double) careManagement).as("居宅介護支援, about 36,000").isCloseTo(36_000, within(36_000 * 0.03));
        long serviceOffices = inScope - careManagement;
        assertThat((double) serviceOffices).as("in-scope service offices, about 150,000").isCloseTo(147_000, within(7_000.0));
        long homeHelp = offices.stream().filter(office -> office.type() == ServiceType.HOME_HELP).count();
        assertThat((double) homeHelp).as("訪問介護, 36,905 in 2023").isCloseTo(36_905, within(36_905 * 0.03));
    }

    @Test
    void largerMunicipalityClassesHoldMoreOfficesAndSmallTownsOftenOneOrNone() {
        Map<String, Long> careManagementByMunicipality = new HashMap<>();
        offices.stream().filter(office -> office.type() == ServiceType.CARE_MANAGEMENT)
                .forEach(office -> careManagementByMunicipality.merge(office.municipality().code(), 1L, Long::sum));
        Map<MunicipalitySize, List<Long>> bySize = new EnumMap<>(MunicipalitySize.class);
        int none = 0;
        int one = 0;
        for (Municipality municipality : nation) {
            long count = careManagementByMunicipality.getOrDefault(municipality.code(), 0L);
            bySize.computeIfAbsent(MunicipalitySize.of(municipality), size -> new ArrayList<>()).add(count);
            none += count == 0 ? 1 : 0;
            one += count == 1 ? 1 : 0;
        }
        assertThat(bySize.get(MunicipalitySize.DESIGNATED_CITY)).hasSize(20);
        assertThat(bySize.get(MunicipalitySize.SPECIAL_WARD)).hasSize(23);
        assertThat(bySize.get(MunicipalitySize.VILLAGE)).hasSize(183);
        double[] means = bySize.values().stream().mapToDouble(counts -> counts.stream().mapToLong(Long::longValue)
                .average().orElseThrow()).toArray();
        assertThat(means).as("mean 居宅介護支援 per municipality: 政令市 > 特別区 > 市 > 町 > 村").isSortedAccordingTo(
                Comparator.reverseOrder());
        assertThat(means[MunicipalitySize.CITY.ordinal()]).as("per 市").isBetween(20.0, 40.0);
        assertThat(means[MunicipalitySize.VILLAGE.ordinal()]).as("per 村").isBetween(1.0, 3.0);
        assertThat(none).as("municipalities without 居宅介護支援, published 29").isBetween(15, 45);
        assertThat(one).as("municipalities with exactly one, published 201").isBetween(150, 260);
    }

    @Test
    void someSmallTownsReachAHundredPercentAndNoLargeCityDoes() {
        Map<String, long[]> byMunicipality = new HashMap<>();
        YearMonth month = YearMonth.of(2026, 1);
        for (DemoOffice office : offices) {
            if (office.inStandardScope()) {
                long[] counts = byMunicipality.computeIfAbsent(office.municipality().code(), code -> new long[2]);
                counts[0]++;
                counts[1] += office.adoptedBy(month) ? 1 : 0;
            }
        }
        List<Municipality> complete = nation.stream().filter(municipality -> {
            long[] counts = byMunicipality.get(municipality.code());
            return counts != null && counts[0] == counts[1];
        }).toList();
        assertThat(complete).as("municipalities at 100%% in %s", month).hasSizeBetween(10, 80)
                .allSatisfy(municipality -> assertThat(MunicipalitySize.of(municipality))
                        .isIn(MunicipalitySize.TOWN, MunicipalitySize.VILLAGE));
    }

    @Test
    void modelRegionsKeepTheirCapsAndLiftAdoptionInside() {
        assertThat(regions).hasSizeBetween(16, 40);
        Map<String, Long> budgetByPrefecture = new HashMap<>();
        regions.forEach(region -> budgetByPrefecture.merge(region.prefectureCode(), region.budgetYen(), Long::sum));
        assertThat(regions).allSatisfy(region -> assertThat(region.budgetYen()).isBetween(1L, 8_500_000L));
        assertThat(budgetByPrefecture.values()).allSatisfy(total -> assertThat(total).isLessThanOrEqualTo(60_000_000L));

        Set<String> members = new HashSet<>();
        regions.forEach(region -> region.municipalities().forEach(municipality -> members.add(municipality.code())));
        Set<String> modelPrefectures = new HashSet<>(ModelRegionPlanner.MODEL_PREFECTURES);
        long[] inside = new long[2];
        long[] outside = new long[2];
        for (DemoOffice office : offices) {
            if (office.inStandardScope() && modelPrefectures.contains(office.prefectureCode())) {
                long[] counts = members.contains(office.municipality().code()) ? inside : outside;
                counts[0]++;
                counts[1] += office.adoptedBy(YearMonth.of(2026, 10)) ? 1 : 0;
            }
        }
        double insideShare = (double) inside[1] / inside[0];
        double outsideShare = (double) outside[1] / outside[0];
        assertThat(insideShare).as("adoption inside model regions against the rest of their prefectures (%.3f)",
                outsideShare).isGreaterThan(outsideShare + 0.1);
    }

    @Test
    void careManagersCarryAboutThirtyThreeCasesAndOfficesAboutThreeCareManagers() {
        List<DemoOffice> careManagement = offices.stream()
                .filter(office -> office.type() == ServiceType.CARE_MANAGEMENT).toList();
        double careManagers = careManagement.stream().mapToInt(DemoOffice::careManagers).sum();
        double cases = careManagement.stream().mapToLong(office -> Caseload.personCount(DemoNationConfig.DEFAULT_SEED,
                office)).sum();
        assertThat(careManagers / careManagement.size()).as("care managers per office, published 3.1")
                .isCloseTo(3.1, within(0.1));
        assertThat(cases / careManagers).as("cases per care manager, published about 33").isCloseTo(33, within(1.0));
        assertThat(cases).as("persons, about 4 million").isBetween(3_000_000.0, 4_500_000.0);
    }

    private static double adoptedShare(YearMonth month) {
        return (double) offices.stream().filter(office -> office.inStandardScope() && office.adoptedBy(month)).count()
                / inScope;
    }

    @Test
    void aboutOneMunicipalityInTenJoinsTheCareInformationPlatformInFiscal2026StartingInNovember() {
        List<YearMonth> starts = nation.stream()
                .map(municipality -> CardRollout.startMonth(DemoNationConfig.DEFAULT_SEED, municipality.code())).toList();
        double fiscal2026 = starts.stream().filter(start -> !start.isAfter(YearMonth.of(2027, 3))).count()
                / (double) starts.size();

        // 1,741 draws at 10 %: one standard deviation is 0.7 points; 2.5 points is over three.
        assertThat(fiscal2026).as("share starting in FY2026").isCloseTo(0.10, within(0.025));
        assertThat(starts.stream().min(Comparator.naturalOrder())).contains(YearMonth.of(2026, 11));
        assertThat(starts.stream().max(Comparator.naturalOrder())).contains(YearMonth.of(2028, 3));
    }
}
