package jp.renkei.ingest.demo;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import jp.renkei.ingest.standard.CsvVersion;
import jp.renkei.ingest.standard.FileKind;
import jp.renkei.ingest.standard.ScheduleRecord;
import jp.renkei.ingest.standard.ServiceType;
import jp.renkei.ingest.standard.StandardFileName;
import jp.renkei.ingest.standard.StandardFileWriter;

/**
 * Writes the monthly files of every linked pair (a 居宅介護支援 office and a service office, both licensed, sharing
 * persons): the care manager's UPPLAN + UPSIKYU (one send unit, same timestamp) and the service office's UPJSK back,
 * whose actuals differ from the plan as visits are cancelled, moved or added ({@link PlanActualDifferences}). One
 * care-management office is in memory at a time, so memory does not grow with the nation.
 */
final class DemoExchangeWriter {
    record Result(int linkedPairs, int files, long scheduleLines, long persons) {
    }

    private final DemoNationConfig config;
    private final Caseload caseload;
    private final DemoFileSink sink;
    private final CardCheckHistory cardChecks;
    private int files;
    private long scheduleLines;

    DemoExchangeWriter(DemoNationConfig config, Caseload caseload, DemoFileSink sink, CardCheckHistory cardChecks) {
        this.config = config;
        this.caseload = caseload;
        this.sink = sink;
        this.cardChecks = cardChecks;
    }

    /**
     * @param municipalityOrdinals each municipality's place in the full master (keeps person numbers unique)
     */
    Result write(List<DemoOffice> offices, Map<String, Integer> municipalityOrdinals, Consumer<String> progress)
            throws IOException {
        List<DemoOffice> careManagers = offices.stream().filter(office -> office.type() == ServiceType.CARE_MANAGEMENT)
                .toList();
        Map<String, Integer> nextPersonSerial = new HashMap<>();
        int linkedPairs = 0;
        long persons = 0;
        int done = 0;
        for (DemoOffice careManager : careManagers) {
            int firstSerial = nextPersonSerial.getOrDefault(careManager.municipality().code(), 1);
            int count = Caseload.personCount(config.seed(), careManager);
            nextPersonSerial.put(careManager.municipality().code(), firstSerial + count);
            persons += count;
            if (careManager.adopted()) {
                List<Caseload.Person> supported = caseload.persons(careManager,
                        municipalityOrdinals.get(careManager.municipality().code()), firstSerial);
                cardChecks.write(careManager, supported);
                for (Map.Entry<DemoOffice, List<Caseload.Person>> pair : byPartner(supported).entrySet()) {
                    if (pair.getKey().adopted()) {
                        linkedPairs++;
                        writePair(careManager, pair.getKey(), pair.getValue());
                    }
                }
            }
            if (++done % 200 == 0 || done == careManagers.size()) {
                progress.accept(String.format("%,d/%,d care-management offices, %,d files", done, careManagers.size(),
                        files));
            }
        }
        return new Result(linkedPairs, files, scheduleLines, persons);
    }

    private static Map<DemoOffice, List<Caseload.Person>> byPartner(List<Caseload.Person> persons) {
        Map<DemoOffice, List<Caseload.Person>> byPartner = new LinkedHashMap<>();
        for (Caseload.Person person : persons) {
            for (Caseload.PersonService service : person.services()) {
                byPartner.computeIfAbsent(service.office(), office -> new ArrayList<>()).add(person);
            }
        }
        return byPartner;
    }

    private void writePair(DemoOffice careManager, DemoOffice partner, List<Caseload.Person> persons) throws IOException {
        SplittableRandom random = Draws.random(config.seed(), "exchange",
                careManager.officeNumber() + partner.officeNumber() + partner.type().code());
        YearMonth first = latest(YearMonth.from(careManager.licenseStart()), YearMonth.from(partner.licenseStart()),
                config.firstExchangeMonth());
        for (YearMonth month = first; !month.isAfter(config.lastMonth()); month = month.plusMonths(1)) {
            LocalDateTime planSentAt = sendTime(random, month.atDay(1), careManager, partner);
            List<ScheduleRecord> planned = new ArrayList<>();
            List<List<String>> benefitRows = new ArrayList<>();
            for (Caseload.Person person : persons) {
                List<ScheduleRecord> personLines = plannedLines(person, month, careManager, planSentAt.toLocalDate());
                planned.addAll(personLines);
                benefitRows.addAll(BenefitTable.rows(person.insurerNumber(), person.insuredPersonNumber(), month,
                        planSentAt.toLocalDate(), careManager.officeNumber(), personLines));
            }
            writeFile(FileKind.UPPLAN, month, careManager, partner, planSentAt,
                    planned.stream().map(ScheduleRecord::toFields).toList());
            writeFile(FileKind.UPSIKYU, month, careManager, partner, planSentAt, benefitRows);
            scheduleLines += planned.size();

            List<ScheduleRecord> actual = PlanActualDifferences.actuals(random, planned, partner.officeNumber());
            if (!actual.isEmpty()) {
                LocalDateTime actualSentAt = month.atEndOfMonth().atTime(18, random.nextInt(60), random.nextInt(60));
                writeFile(FileKind.UPJSK, month, partner, careManager, actualSentAt,
                        actual.stream().map(ScheduleRecord::toFields).toList());
                scheduleLines += actual.size();
            }
        }
    }

    private static LocalDateTime sendTime(SplittableRandom random, LocalDate monthStart, DemoOffice careManager,
            DemoOffice partner) {
        LocalDate day = monthStart;
        for (LocalDate start : List.of(careManager.licenseStart(), partner.licenseStart())) {
            if (start.isAfter(day)) {
                day = start;
            }
        }
        return day.atTime(LocalTime.of(8 + random.nextInt(10), random.nextInt(60), random.nextInt(60)));
    }

    /** The person's whole month (every office), as the 第6表 a care manager sends to each office lists them all. */
    private static List<ScheduleRecord> plannedLines(Caseload.Person person, YearMonth month, DemoOffice careManager,
            LocalDate createdOn) {
        List<ScheduleRecord> lines = new ArrayList<>();
        for (Caseload.PersonService service : person.services()) {
            ServiceProfile profile = service.profile();
            List<LocalDate> dates = new ArrayList<>();
            if (profile.daysPerWeek() == 0) {
                dates.add(month.atDay(1));
            } else {
                for (int day = 1; day <= month.lengthOfMonth(); day++) {
                    if (service.days().contains(month.atDay(day).getDayOfWeek())) {
                        dates.add(month.atDay(day));
                    }
                }
            }
            for (LocalDate date : dates) {
                lines.add(new ScheduleRecord(CsvVersion.V4_1, person.insurerNumber(), person.insuredPersonNumber(),
                        createdOn, month, careManager.officeNumber(), "介護 支援子", profile.units(), null, date, "",
                        profile.startTime(), profile.endTime(), 1, profile.serviceCode(), "", "", "", "",
                        service.office().officeNumber(), service.office().name(), "", "0", careManager.officeNumber(), ""));
            }
        }
        lines.sort(Comparator.comparing(ScheduleRecord::serviceDate));
        return lines;
    }

    private void writeFile(FileKind kind, YearMonth month, DemoOffice sender, DemoOffice recipient, LocalDateTime sentAt,
            List<List<String>> records) throws IOException {
        StandardFileName name = new StandardFileName(kind, Optional.of(month), sender.officeNumber(), sender.type().code(),
                recipient.officeNumber(), recipient.type().code(), sentAt, true);
        sink.accept(month, sender.officeNumber(), name.format(), StandardFileWriter.toBytes(records));
        files++;
    }

    private static YearMonth latest(YearMonth... months) {
        YearMonth latest = months[0];
        for (YearMonth month : months) {
            if (month.isAfter(latest)) {
                latest = month;
            }
        }
        return latest;
    }
}
