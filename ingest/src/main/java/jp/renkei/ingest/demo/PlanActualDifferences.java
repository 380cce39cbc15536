package jp.renkei.ingest.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import jp.renkei.ingest.standard.ScheduleRecord;

/**
 * The UPJSK actuals a service office sends back for its lines of the plan: most visits happen as planned, some are
 * cancelled (hospital stay, illness), some move by half an hour, and some persons get a visit the plan did not have.
 * Shares are placeholders [I] (docs/demo-nation.md, "Plan and actual"); the plan/actual agreement mart measures them.
 */
final class PlanActualDifferences {
    /** A planned visit that did not happen. */
    static final double CANCELLED = 0.04;
    /** A timed visit that happened 30 minutes later than planned. */
    static final double MOVED = 0.05;
    /** A person (of this office) who got one visit more than planned in the month. */
    static final double ADDED_PER_PERSON = 0.10;

    private PlanActualDifferences() {
    }

    static List<ScheduleRecord> actuals(SplittableRandom random, List<ScheduleRecord> planned, String serviceOffice) {
        List<ScheduleRecord> actual = new ArrayList<>();
        Map<String, List<ScheduleRecord>> byPerson = new LinkedHashMap<>();
        for (ScheduleRecord line : planned) {
            if (!line.serviceOfficeNumber().equals(serviceOffice)) {
                continue;
            }
            byPerson.computeIfAbsent(line.insuredPersonNumber(), person -> new ArrayList<>()).add(line);
            double draw = random.nextDouble();
            if (draw < CANCELLED) {
                continue;
            }
            boolean timed = !"9999".equals(line.startTime());
            boolean moved = draw < CANCELLED + MOVED && timed;
            actual.add(moved ? withTimes(line, later(line.startTime()), later(line.endTime()))
                    : withTimes(line, line.startTime(), line.endTime()));
        }
        for (List<ScheduleRecord> lines : byPerson.values()) {
            if (random.nextDouble() < ADDED_PER_PERSON) {
                addedVisit(random, lines).ifPresent(actual::add);
            }
        }
        actual.sort(Comparator.comparing(ScheduleRecord::insuredPersonNumber).thenComparing(ScheduleRecord::serviceDate));
        return actual;
    }

    /** One more visit of the person's first planned service, on a day of the month it was not planned. */
    private static Optional<ScheduleRecord> addedVisit(SplittableRandom random, List<ScheduleRecord> lines) {
        ScheduleRecord model = lines.get(0);
        if ("9999".equals(model.startTime())) {
            return Optional.empty();
        }
        Set<LocalDate> planned = new HashSet<>();
        lines.forEach(line -> planned.add(line.serviceDate()));
        int length = model.targetMonth().lengthOfMonth();
        int start = random.nextInt(length);
        for (int offset = 0; offset < length; offset++) {
            LocalDate day = model.targetMonth().atDay(1 + (start + offset) % length);
            if (!planned.contains(day)) {
                return Optional.of(withDate(model, day));
            }
        }
        return Optional.empty();
    }

    /** HHMM plus 30 minutes, kept within the day. */
    static String later(String time) {
        int minutes = Math.min(23 * 60 + 29, Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(2)));
        int moved = minutes + 30;
        return String.format("%02d%02d", moved / 60, moved % 60);
    }

    private static ScheduleRecord withTimes(ScheduleRecord line, String start, String end) {
        return new ScheduleRecord(line.csvVersion(), line.insurerNumber(), line.insuredPersonNumber(), line.createdOn(),
                line.targetMonth(), line.planOfficeNumber(), line.planManagerName(), line.units(),
                line.shortStayDaysBefore(), line.serviceDate(), line.proratedDays(), start, end, line.serviceCount(),
                line.serviceCode(), line.taisCode(), line.equipmentNotificationCode(), line.equipmentName(),
                line.detailCode(), line.serviceOfficeNumber(), line.serviceOfficeName(), line.satelliteBranch(),
                line.over30Days(), line.serviceOfficeNumber(), line.identifier());
    }

    private static ScheduleRecord withDate(ScheduleRecord line, LocalDate date) {
        return new ScheduleRecord(line.csvVersion(), line.insurerNumber(), line.insuredPersonNumber(), line.createdOn(),
                line.targetMonth(), line.planOfficeNumber(), line.planManagerName(), line.units(),
                line.shortStayDaysBefore(), date, line.proratedDays(), line.startTime(), line.endTime(),
                line.serviceCount(), line.serviceCode(), line.taisCode(), line.equipmentNotificationCode(),
                line.equipmentName(), line.detailCode(), line.serviceOfficeNumber(), line.serviceOfficeName(),
                line.satelliteBranch(), line.over30Days(), line.serviceOfficeNumber(), line.identifier());
    }
}
