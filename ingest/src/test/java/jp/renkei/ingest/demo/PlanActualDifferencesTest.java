package jp.renkei.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import jp.renkei.ingest.standard.CsvVersion;
import jp.renkei.ingest.standard.ScheduleRecord;
import org.junit.jupiter.api.Test;

/** The actuals differ from the plan in the stated shares, and only in the ways a real month does. */
class PlanActualDifferencesTest {
    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final String OFFICE = "3170010002";
    private static final String OTHER_OFFICE = "3170010003";

    @Test
    void cancelledMovedAndAddedVisitsComeInTheStatedShares() {
        List<ScheduleRecord> planned = new ArrayList<>();
        int persons = 4_000;
        for (int person = 0; person < persons; person++) {
            for (int day = 1; day <= 8; day++) {
                planned.add(line(person, day, OFFICE, "0900", "0930"));
            }
            planned.add(line(person, 20, OTHER_OFFICE, "1400", "1500"));
        }
        List<ScheduleRecord> actual = PlanActualDifferences.actuals(new SplittableRandom(3), planned, OFFICE);

        Set<String> plannedKeys = new HashSet<>();
        planned.stream().filter(line -> line.serviceOfficeNumber().equals(OFFICE)).forEach(line -> plannedKeys.add(key(line)));
        Set<String> plannedDays = new HashSet<>();
        planned.stream().filter(line -> line.serviceOfficeNumber().equals(OFFICE))
                .forEach(line -> plannedDays.add(line.insuredPersonNumber() + line.serviceDate()));
        long asPlanned = actual.stream().filter(line -> plannedKeys.contains(key(line))).count();
        long moved = actual.stream().filter(line -> line.startTime().equals("0930") && line.endTime().equals("1000")).count();
        long added = actual.stream().filter(line -> !plannedDays.contains(line.insuredPersonNumber() + line.serviceDate()))
                .count();
        double plannedLines = persons * 8.0;

        assertThat(actual).as("only this office's lines come back").allSatisfy(line -> {
            assertThat(line.serviceOfficeNumber()).isEqualTo(OFFICE);
            assertThat(line.updaterOfficeNumber()).isEqualTo(OFFICE);
        });
        assertThat(moved / plannedLines).as("moved by half an hour").isCloseTo(PlanActualDifferences.MOVED, within(0.005));
        assertThat((plannedLines - asPlanned - moved) / plannedLines).as("cancelled")
                .isCloseTo(PlanActualDifferences.CANCELLED, within(0.005));
        assertThat(added / (double) persons).as("one added visit per person")
                .isCloseTo(PlanActualDifferences.ADDED_PER_PERSON, within(0.015));
        assertThat(asPlanned + moved + added).isEqualTo(actual.size());
    }

    @Test
    void untimedServicesAreNeverMovedAndTimesStayWithinTheDay() {
        assertThat(PlanActualDifferences.later("0900")).isEqualTo("0930");
        assertThat(PlanActualDifferences.later("1645")).isEqualTo("1715");
        assertThat(PlanActualDifferences.later("2350")).isEqualTo("2359");
        List<ScheduleRecord> planned = new ArrayList<>();
        for (int person = 0; person < 2_000; person++) {
            planned.add(line(person, 1, OFFICE, "9999", "9999"));
        }
        assertThat(PlanActualDifferences.actuals(new SplittableRandom(5), planned, OFFICE))
                .allSatisfy(line -> assertThat(line.startTime()).isEqualTo("9999"));
    }

    private static String key(ScheduleRecord line) {
        return line.insuredPersonNumber() + "/" + line.serviceDate() + "/" + line.startTime() + "/" + line.endTime();
    }

    private static ScheduleRecord line(int person, int day, String office, String start, String end) {
        LocalDate date = MONTH.atDay(day);
        return new ScheduleRecord(CsvVersion.V4_1, "310018", String.format("%010d", person), MONTH.atDay(1), MONTH,
                "3170010001", "介護 支援子", 244, null, date, "", start, end, 1, "111211", "", "", "", "", office,
                "さくらヘルパーステーション", "", "0", "3170010001", "");
    }
}
