package jp.renkei.ingest.standard;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.renkei.ingest.finding.Findings;

/**
 * A read and validated standard file. {@link #scheduleRecords()} is filled for UPPLAN and UPJSK only;
 * {@link #typedRecords()} holds every kind's typed records, one per raw record and in the same order (both empty
 * when the file has an error).
 *
 * @param name empty when the file name itself was invalid (then the findings say why)
 */
public record StandardFile(
        Optional<StandardFileName> name,
        Optional<CsvVersion> csvVersion,
        List<RawRecord> records,
        List<ScheduleRecord> scheduleRecords,
        List<StandardRecord> typedRecords,
        Findings findings) {

    /** One CSV record with the physical line it starts on. */
    public record RawRecord(long line, List<String> fields) {
    }

    /** A file without typed records (the earlier shape). */
    public StandardFile(Optional<StandardFileName> name, Optional<CsvVersion> csvVersion, List<RawRecord> records,
            List<ScheduleRecord> scheduleRecords, Findings findings) {
        this(name, csvVersion, records, scheduleRecords, List.copyOf(scheduleRecords), findings);
    }

    public boolean isValid() {
        return !findings.hasErrors();
    }

    /** The typed records of one type, e.g. {@code recordsOf(BenefitRecord.class)}. */
    public <R extends StandardRecord> List<R> recordsOf(Class<R> type) {
        return typedRecords.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A person as a record names one: insurer number and insured person number. */
    private record Person(String insurer, String insuredPersonNumber) {
    }

    /** Distinct (保険者番号, 被保険者番号) pairs, the "persons" of the file. */
    public int personCount() {
        Set<Person> persons = new HashSet<>();
        Person previous = null;
        for (RawRecord record : records) {
            if (record.fields().size() > 2) {
                Person person = new Person(record.fields().get(1), record.fields().get(2));
                // A person's lines come together: only a change of person needs the set.
                if (!person.equals(previous)) {
                    persons.add(person);
                    previous = person;
                }
            }
        }
        return persons.size();
    }
}
