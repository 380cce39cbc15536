package jp.renkei.ingest.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import jp.renkei.ingest.standard.CsvVersion;
import jp.renkei.ingest.standard.FileKind;
import jp.renkei.ingest.standard.ScheduleRecord;
import jp.renkei.ingest.standard.ServiceType;
import jp.renkei.ingest.standard.StandardFileName;
import jp.renkei.ingest.standard.StandardFileWriter;

/**
 * Writes the monthly files of every linked pair: the care manager's UPPLAN + UPSIKYU (one send unit, same timestamp)
 * to each service office that has a license, and that office's UPJSK back. Files go to {@code outbox/<sender>/}.
 */
final class DemoExchangeWriter {
    private static final int MINIMUM_PARTNERS = 3;
    private static final int MAXIMUM_PARTNERS = 6;
    private static final int ADOPTER_PREFERENCE = 6;

    /** A person supported by a care manager, with the service offices they use. */
    private record Person(String insurerNumber, String insuredPersonNumber, List<PersonService> services) {
    }

    private record PersonService(DemoOffice office, ServiceProfile profile, Set<DayOfWeek> days) {
    }

    record Result(int linkedPairs, int files, long scheduleLines) {
    }

    private final DemoNationConfig config;
    private final Random random;
    private final Path outbox;
    private long personSerial;
    private int files;
    private long scheduleLines;

    DemoExchangeWriter(DemoNationConfig config, Random random, Path outbox) {
        this.config = config;
        this.random = random;
        this.outbox = outbox;
    }

    Result write(List<DemoOffice> offices, Consumer<String> progress) throws IOException {
        List<DemoOffice> careManagers = offices.stream()
                .filter(office -> office.type() == ServiceType.CARE_MANAGEMENT && office.adopted()).toList();
        List<DemoOffice> serviceOffices = offices.stream()
                .filter(office -> office.type().inStandardScope() && office.type() != ServiceType.CARE_MANAGEMENT
                        && office.type() != ServiceType.PREVENTIVE_CARE_MANAGEMENT)
                .toList();
        int linkedPairs = 0;
        int done = 0;
        for (DemoOffice careManager : careManagers) {
            List<DemoOffice> partners = choosePartners(careManager, serviceOffices);
            List<Person> persons = choosePersons(careManager, partners);
            for (DemoOffice partner : partners) {
                if (partner.adopted()) {
                    List<Person> shared = persons.stream()
                            .filter(person -> person.services().stream().anyMatch(service -> service.office() == partner))
                            .toList();
                    if (!shared.isEmpty()) {
                        linkedPairs++;
                        writePair(careManager, partner, shared);
                    }
                }
            }
            progress.accept(++done + "/" + careManagers.size() + " care managers");
        }
        return new Result(linkedPairs, files, scheduleLines);
    }

    private List<DemoOffice> choosePartners(DemoOffice careManager, List<DemoOffice> serviceOffices) {
        List<DemoOffice> near = serviceOffices.stream()
                .filter(office -> office.municipality() == careManager.municipality()).toList();
        List<DemoOffice> pool = near.size() >= MINIMUM_PARTNERS ? near : serviceOffices.stream()
                .filter(office -> office.municipality().prefectureCode().equals(careManager.municipality().prefectureCode()))
                .toList();
        int wanted = Math.min(pool.size(), MINIMUM_PARTNERS + random.nextInt(MAXIMUM_PARTNERS - MINIMUM_PARTNERS + 1));
        Set<DemoOffice> chosen = new LinkedHashSet<>();
        int attempts = 0;
        while (chosen.size() < wanted && attempts++ < wanted * 50) {
            DemoOffice candidate = pool.get(random.nextInt(pool.size()));
            if (candidate.adopted() || random.nextInt(ADOPTER_PREFERENCE) == 0) {
                chosen.add(candidate);
            }
        }
        return new ArrayList<>(chosen);
    }

    private List<Person> choosePersons(DemoOffice careManager, List<DemoOffice> partners) {
        List<Person> persons = new ArrayList<>();
        if (partners.isEmpty()) {
            return persons;
        }
        int count = 6 + random.nextInt(15);
        for (int i = 0; i < count; i++) {
            int serviceCount = 1 + random.nextInt(Math.min(3, partners.size()));
            Set<DemoOffice> used = new LinkedHashSet<>();
            while (used.size() < serviceCount) {
                used.add(partners.get(random.nextInt(partners.size())));
            }
            List<PersonService> services = used.stream()
                    .map(office -> new PersonService(office, ServiceProfile.of(office.type()), weekdays(office.type())))
                    .toList();
            String insured = String.format("%010d", 1_000_000_000L + (++personSerial) * 7919L % 8_999_999_999L);
            persons.add(new Person(careManager.municipality().code(), insured, services));
        }
        return persons;
    }

    private Set<DayOfWeek> weekdays(ServiceType type) {
        Set<DayOfWeek> days = new HashSet<>();
        int wanted = ServiceProfile.of(type).daysPerWeek();
        while (days.size() < wanted) {
            days.add(DayOfWeek.of(1 + random.nextInt(6)));
        }
        return days;
    }

    private void writePair(DemoOffice careManager, DemoOffice partner, List<Person> persons) throws IOException {
        YearMonth first = latest(YearMonth.from(careManager.licenseStart()), YearMonth.from(partner.licenseStart()),
                config.firstExchangeMonth());
        for (YearMonth month = first; !month.isAfter(config.lastMonth()); month = month.plusMonths(1)) {
            LocalDateTime planSentAt = sendTime(month.atDay(1), careManager, partner);
            List<ScheduleRecord> planned = new ArrayList<>();
            List<List<String>> benefitRows = new ArrayList<>();
            for (Person person : persons) {
                List<ScheduleRecord> personLines = plannedLines(person, month, careManager, planSentAt.toLocalDate());
                planned.addAll(personLines);
                benefitRows.addAll(BenefitTable.rows(person.insurerNumber(), person.insuredPersonNumber(), month,
                        planSentAt.toLocalDate(), careManager.officeNumber(), personLines));
            }
            writeFile(FileKind.UPPLAN, month, careManager, partner, planSentAt,
                    planned.stream().map(ScheduleRecord::toFields).toList());
            writeFile(FileKind.UPSIKYU, month, careManager, partner, planSentAt, benefitRows);
            scheduleLines += planned.size();

            List<ScheduleRecord> actual = planned.stream()
                    .filter(line -> line.serviceOfficeNumber().equals(partner.officeNumber()))
                    .filter(line -> random.nextInt(20) != 0)
                    .map(line -> asActual(line, partner))
                    .toList();
            if (!actual.isEmpty()) {
                LocalDateTime actualSentAt = month.atEndOfMonth().atTime(18, random.nextInt(60), random.nextInt(60));
                writeFile(FileKind.UPJSK, month, partner, careManager, actualSentAt,
                        actual.stream().map(ScheduleRecord::toFields).toList());
                scheduleLines += actual.size();
            }
        }
    }

    private LocalDateTime sendTime(LocalDate monthStart, DemoOffice careManager, DemoOffice partner) {
        LocalDate day = monthStart;
        for (LocalDate start : List.of(careManager.licenseStart(), partner.licenseStart())) {
            if (start.isAfter(day)) {
                day = start;
            }
        }
        return day.atTime(LocalTime.of(8 + random.nextInt(10), random.nextInt(60), random.nextInt(60)));
    }

    private List<ScheduleRecord> plannedLines(Person person, YearMonth month, DemoOffice careManager, LocalDate createdOn) {
        List<ScheduleRecord> lines = new ArrayList<>();
        for (PersonService service : person.services()) {
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

    private static ScheduleRecord asActual(ScheduleRecord planned, DemoOffice partner) {
        return new ScheduleRecord(planned.csvVersion(), planned.insurerNumber(), planned.insuredPersonNumber(),
                planned.createdOn(), planned.targetMonth(), planned.planOfficeNumber(), planned.planManagerName(),
                planned.units(), planned.shortStayDaysBefore(), planned.serviceDate(), planned.proratedDays(),
                planned.startTime(), planned.endTime(), planned.serviceCount(), planned.serviceCode(), planned.taisCode(),
                planned.equipmentNotificationCode(), planned.equipmentName(), planned.detailCode(),
                planned.serviceOfficeNumber(), planned.serviceOfficeName(), planned.satelliteBranch(), planned.over30Days(),
                partner.officeNumber(), planned.identifier());
    }

    private void writeFile(FileKind kind, YearMonth month, DemoOffice sender, DemoOffice recipient, LocalDateTime sentAt,
            List<List<String>> records) throws IOException {
        StandardFileName name = new StandardFileName(kind, Optional.of(month), sender.officeNumber(), sender.type().code(),
                recipient.officeNumber(), recipient.type().code(), sentAt, true);
        Path directory = outbox.resolve(sender.officeNumber());
        Files.createDirectories(directory);
        Files.write(directory.resolve(name.format()), StandardFileWriter.toBytes(records));
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
