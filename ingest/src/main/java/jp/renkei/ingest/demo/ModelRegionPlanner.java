package jp.renkei.ingest.demo;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import jp.renkei.ingest.municipality.Municipality;

/**
 * Chooses the demo nation's model regions: in a fixed set of prefectures, two to five regions each of one to three
 * neighbouring municipalities (neighbours by code, which follows geography closely enough for a demo), budgets within
 * the ¥8.5M-per-model and ¥60M-per-prefecture caps, starting at the beginning of fiscal 2024 or 2025.
 */
final class ModelRegionPlanner {
    /** 北海道, 東京都, 静岡県, 大阪府, 鳥取県, 岡山県, 福岡県, 鹿児島県: every scale holds at least one. [I] */
    static final List<String> MODEL_PREFECTURES = List.of("01", "13", "22", "27", "31", "33", "40", "46");
    static final long MAXIMUM_BUDGET_PER_MODEL = 8_500_000L;
    static final long MAXIMUM_BUDGET_PER_PREFECTURE = 60_000_000L;
    private static final List<YearMonth> START_MONTHS = List.of(YearMonth.of(2024, 7), YearMonth.of(2025, 7));

    private ModelRegionPlanner() {
    }

    static List<ModelRegion> plan(long seed, List<Municipality> nation) {
        List<ModelRegion> regions = new ArrayList<>();
        for (String prefecture : MODEL_PREFECTURES) {
            List<Municipality> candidates = nation.stream().filter(m -> m.prefectureCode().equals(prefecture))
                    .sorted(Comparator.comparing(Municipality::code)).toList();
            SplittableRandom random = Draws.random(seed, "model-regions", prefecture);
            int wanted = 2 + random.nextInt(4);
            Set<Integer> taken = new HashSet<>();
            long budgetLeft = MAXIMUM_BUDGET_PER_PREFECTURE;
            for (int attempt = 0; regions.stream().filter(r -> r.prefectureCode().equals(prefecture)).count() < wanted
                    && attempt < 50; attempt++) {
                int size = 1 + random.nextInt(3);
                int start = random.nextInt(Math.max(1, candidates.size() - size + 1));
                List<Integer> indexes = new ArrayList<>();
                for (int i = start; i < Math.min(candidates.size(), start + size); i++) {
                    indexes.add(i);
                }
                if (indexes.stream().anyMatch(taken::contains)) {
                    continue;
                }
                taken.addAll(indexes);
                List<Municipality> members = indexes.stream().map(candidates::get).toList();
                long budget = Math.min(budgetLeft, (300 + random.nextInt(551)) * 10_000L);
                budgetLeft -= budget;
                int number = (int) regions.stream().filter(r -> r.prefectureCode().equals(prefecture)).count() + 1;
                regions.add(new ModelRegion(prefecture, prefecture + "-model-" + number, name(members), budget,
                        START_MONTHS.get(random.nextInt(START_MONTHS.size())), members));
            }
        }
        return regions;
    }

    private static String name(List<Municipality> members) {
        return members.stream().map(Municipality::name).collect(Collectors.joining("・")) + "地域";
    }
}
