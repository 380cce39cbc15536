package jp.renkei.ingest.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import jp.renkei.ingest.municipality.Municipality;
import jp.renkei.ingest.standard.ServiceType;

/** Service offices by municipality and type (and by prefecture and type), to pick from by popularity. */
final class ServiceOfficeIndex {
    /** Offices of one area and type with the running sum of their popularity. */
    private record Pool(List<DemoOffice> offices, double[] cumulative) {
    }

    private final Map<String, Pool> byMunicipality;
    private final Map<String, Pool> byPrefecture;

    ServiceOfficeIndex(List<DemoOffice> offices) {
        Map<String, List<DemoOffice>> municipal = new HashMap<>();
        Map<String, List<DemoOffice>> prefectural = new HashMap<>();
        for (DemoOffice office : offices) {
            if (Caseload.TYPE_USE.containsKey(office.type())) {
                municipal.computeIfAbsent(office.municipality().code() + office.type().code(), key -> new ArrayList<>())
                        .add(office);
                prefectural.computeIfAbsent(office.prefectureCode() + office.type().code(), key -> new ArrayList<>())
                        .add(office);
            }
        }
        byMunicipality = pools(municipal);
        byPrefecture = pools(prefectural);
    }

    /** An office of the type in the municipality, else in its prefecture; empty if the prefecture has none. */
    Optional<DemoOffice> pick(SplittableRandom random, Municipality municipality, ServiceType type) {
        Pool pool = byMunicipality.get(municipality.code() + type.code());
        if (pool == null) {
            pool = byPrefecture.get(municipality.prefectureCode() + type.code());
        }
        if (pool == null) {
            return Optional.empty();
        }
        return Optional.of(pool.offices().get(Draws.pickCumulative(random, pool.cumulative())));
    }

    private static Map<String, Pool> pools(Map<String, List<DemoOffice>> grouped) {
        Map<String, Pool> pools = new HashMap<>();
        grouped.forEach((key, offices) -> {
            double[] cumulative = new double[offices.size()];
            double sum = 0;
            for (int i = 0; i < offices.size(); i++) {
                sum += offices.get(i).popularity();
                cumulative[i] = sum;
            }
            pools.put(key, new Pool(List.copyOf(offices), cumulative));
        });
        return pools;
    }
}
