package jp.renkei.ingest.demo;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import jp.renkei.ingest.cardcheck.CardCheckLog;
import jp.renkei.ingest.io.JapanTime;
import org.apache.commons.csv.CSVPrinter;

/**
 * The card checks (資格確認) of the demo's past: an adopting 居宅介護支援 office checks the card of each of its persons
 * at the monthly monitoring visit, from the month their municipality joined the 介護情報基盤 ({@link CardRollout}).
 * Written as one card-check log per month ({@code card-checks-YYYY-MM.csv}) beside the history archive, for
 * {@code renkei-ingest backfill}; the demo's live checks (today) go through pcscd and the relay instead.
 */
final class CardCheckHistory implements Closeable {
    static final String FILE_PREFIX = "card-checks-";
    /** The share of monthly visits at which the care manager reads the card [I]. */
    static final double CHECKED_SHARE = 0.7;
    /** Outcomes in the proportions of the live demo (CardCheckDemo) [I]. */
    private static final List<Outcome> OUTCOMES = List.of(
            new Outcome(78, "pin", "eligible", ""), new Outcome(8, "face", "eligible", ""),
            new Outcome(4, "pin", "failed", "wrong_pin"), new Outcome(2, "pin", "failed", "no_card_timeout"),
            new Outcome(2, "pin", "failed", "card_removed"), new Outcome(3, "pin", "failed", "person_not_found"),
            new Outcome(3, "pin", "not_eligible", ""));
    private static final double[] CUMULATIVE_OUTCOMES = cumulative();
    /** Card reading and the relay's answer: median 1.8 s [I]. */
    private static final double MEDIAN_LATENCY_MILLIS = 1_800;
    private static final ZoneId TOKYO = JapanTime.ZONE;

    private record Outcome(int weight, String method, String result, String failureReason) {
    }

    private final long seed;
    private final Path folder;
    private final YearMonth lastMonth;
    private final Map<YearMonth, CSVPrinter> logs = new TreeMap<>();
    private long checks;

    CardCheckHistory(long seed, Path folder, YearMonth lastMonth) {
        this.seed = seed;
        this.folder = folder;
        this.lastMonth = lastMonth;
    }

    /** The checks of one care-management office's persons, every month from the later of adoption and rollout. */
    void write(DemoOffice careManager, List<Caseload.Person> persons) throws IOException {
        if (careManager.licenseStart() == null) {
            return;
        }
        YearMonth rollout = CardRollout.startMonth(seed, careManager.municipality().code());
        YearMonth first = YearMonth.from(careManager.licenseStart());
        first = first.isAfter(rollout) ? first : rollout;
        for (YearMonth month = first; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            for (Caseload.Person person : persons) {
                SplittableRandom random = Draws.random(seed, "card-check",
                        careManager.officeNumber() + person.insuredPersonNumber() + month);
                if (random.nextDouble() < CHECKED_SHARE) {
                    write(month, careManager, person, random);
                }
            }
        }
    }

    private void write(YearMonth month, DemoOffice careManager, Caseload.Person person, SplittableRandom random)
            throws IOException {
        Outcome outcome = OUTCOMES.get(Draws.pickCumulative(random, CUMULATIVE_OUTCOMES));
        boolean resolved = !outcome.failureReason().equals("person_not_found");
        LocalDate day = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(day.getDayOfMonth() > 2 ? 2 : -2);
        }
        long latency = Math.round(MEDIAN_LATENCY_MILLIS * Math.exp(0.35 * Draws.gaussian(random)));
        UUID checkId = UUID.nameUUIDFromBytes((careManager.officeNumber() + "/" + person.insuredPersonNumber() + "/" + month)
                .getBytes(StandardCharsets.UTF_8));
        CardCheckLog.write(log(month), new CardCheckLog.Entry(checkId, careManager.officeNumber(),
                resolved ? person.insurerNumber() : "", resolved ? person.insuredPersonNumber() : "", outcome.method(),
                outcome.result(), outcome.failureReason(), latency,
                day.atTime(9 + random.nextInt(8), random.nextInt(60), random.nextInt(60)).atZone(TOKYO).toInstant()));
        checks++;
    }

    private CSVPrinter log(YearMonth month) throws IOException {
        CSVPrinter printer = logs.get(month);
        if (printer == null) {
            Files.createDirectories(folder);
            Writer writer = Files.newBufferedWriter(folder.resolve(FILE_PREFIX + month + ".csv"), StandardCharsets.UTF_8);
            printer = CardCheckLog.printer(writer);
            CardCheckLog.writeHeader(printer);
            logs.put(month, printer);
        }
        return printer;
    }

    long checks() {
        return checks;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (CSVPrinter printer : logs.values()) {
            try {
                printer.close();
            } catch (IOException closing) {
                failure = closing;
            }
        }
        logs.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private static double[] cumulative() {
        double[] cumulative = new double[OUTCOMES.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += OUTCOMES.get(i).weight();
            cumulative[i] = sum;
        }
        return cumulative;
    }
}
