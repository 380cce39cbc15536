package jp.renkei.ingest.demo;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import jp.renkei.ingest.standard.ServiceType;

/**
 * The persons a 居宅介護支援 office supports and the service offices each uses: about 33 cases per care manager, and
 * 1–5 service offices per person (2.5 on average), chosen by type and then among the municipality's offices of that
 * type in proportion to their popularity, or in the prefecture where the municipality has none (docs/demo-nation.md,
 * "Persons and services"). A person's services are drawn from the office's own seed, so the caseload is the same
 * for the exchange files and the effect reports.
 */
final class Caseload {
    /** Cases per full-time care manager: 28 要介護 + 5 要支援 (the ministry's summary of the R03 survey). [S] */
    static final double CASES_PER_CARE_MANAGER = 33;
    /** How many service offices a person uses, 1–5 [I]: mean 2.55. */
    private static final double[] SERVICE_COUNT_SHARES = {0.20, 0.30, 0.30, 0.15, 0.05};
    /** The share of persons using each type [I], shaped on the 受給者 counts of docs/demo-nation.md. */
    static final Map<ServiceType, Double> TYPE_USE = usage();

    /** A person supported by a care manager, with the service offices they use and on which weekdays. */
    record Person(String insurerNumber, String insuredPersonNumber, List<PersonService> services) {
    }

    record PersonService(DemoOffice office, ServiceProfile profile, Set<DayOfWeek> days) {
    }

    private final long seed;
    private final ServiceOfficeIndex serviceOffices;

    Caseload(long seed, ServiceOfficeIndex serviceOffices) {
        this.seed = seed;
        this.serviceOffices = serviceOffices;
    }

    /** How many persons the office supports: its care managers × 33, ±15%. */
    static int personCount(long seed, DemoOffice careManager) {
        SplittableRandom random = Draws.random(seed, "caseload-size", careManager.officeNumber());
        return (int) Math.round(careManager.careManagers() * CASES_PER_CARE_MANAGER * (0.85 + 0.3 * random.nextDouble()));
    }

    /**
     * The office's persons. {@code firstPersonSerial} numbers them inside the municipality, so every 被保険者番号 is
     * unique: the municipality's place in the master (4 digits) and the serial (6 digits).
     */
    List<Person> persons(DemoOffice careManager, int municipalityOrdinal, int firstPersonSerial) {
        SplittableRandom random = Draws.random(seed, "caseload", careManager.officeNumber());
        int count = personCount(seed, careManager);
        List<Person> persons = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<ServiceType, DemoOffice> chosen = new LinkedHashMap<>();
            int wanted = 1 + Draws.pickCumulative(random, cumulative(SERVICE_COUNT_SHARES));
            for (int attempt = 0; chosen.size() < wanted && attempt < 20; attempt++) {
                ServiceType type = pickType(random);
                if (!chosen.containsKey(type)) {
                    serviceOffices.pick(random, careManager.municipality(), type)
                            .ifPresent(office -> chosen.put(type, office));
                }
            }
            List<PersonService> services = new ArrayList<>();
            chosen.forEach((type, office) -> services.add(
                    new PersonService(office, ServiceProfile.of(type), weekdays(random, ServiceProfile.of(type)))));
            String insured = String.format("%04d%06d", municipalityOrdinal, firstPersonSerial + i);
            persons.add(new Person(careManager.municipality().code(), insured, services));
        }
        return persons;
    }

    private static Set<DayOfWeek> weekdays(SplittableRandom random, ServiceProfile profile) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        while (days.size() < profile.daysPerWeek()) {
            days.add(DayOfWeek.of(1 + random.nextInt(6)));
        }
        return days;
    }

    private static ServiceType pickType(SplittableRandom random) {
        double point = random.nextDouble() * TYPE_USE.values().stream().mapToDouble(Double::doubleValue).sum();
        for (Map.Entry<ServiceType, Double> entry : TYPE_USE.entrySet()) {
            point -= entry.getValue();
            if (point < 0) {
                return entry.getKey();
            }
        }
        return ServiceType.HOME_HELP;
    }

    private static double[] cumulative(double[] shares) {
        double[] cumulative = new double[shares.length];
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static Map<ServiceType, Double> usage() {
        Map<ServiceType, Double> use = new LinkedHashMap<>();
        use.put(ServiceType.WELFARE_EQUIPMENT_RENTAL, 0.30);
        use.put(ServiceType.HOME_HELP, 0.26);
        use.put(ServiceType.DAY_SERVICE, 0.20);
        use.put(ServiceType.HOME_NURSING, 0.15);
        use.put(ServiceType.COMMUNITY_DAY_SERVICE, 0.12);
        use.put(ServiceType.DAY_REHABILITATION, 0.10);
        use.put(ServiceType.SHORT_STAY, 0.07);
        use.put(ServiceType.HOME_REHABILITATION, 0.04);
        use.put(ServiceType.HOME_BATHING, 0.02);
        return java.util.Collections.unmodifiableMap(use);
    }
}
