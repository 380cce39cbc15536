package jp.renkei.ingest.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import jp.renkei.ingest.finding.Finding;
import org.junit.jupiter.api.Test;

class SendUnitTest {
    private static final String CARE_MANAGER = ScheduleRecords.CARE_MANAGER;
    private static final String OFFICE = ScheduleRecords.SERVICE_OFFICE;
    private static final LocalDateTime SENT_AT = ScheduleRecords.SENT_AT;

    private final StandardFileReader reader = new StandardFileReader();

    private StandardFile file(FileKind kind, List<? extends StandardRecord> records, LocalDateTime sentAt) {
        Optional<java.time.YearMonth> month = kind.nameMonth() == FileKind.NameMonth.NONE ? Optional.empty()
                : Optional.of(ScheduleRecords.TARGET_MONTH);
        StandardFileName name = new StandardFileName(kind, month, CARE_MANAGER, "43", OFFICE, "11", sentAt, true);
        StandardFile file = reader.read(name.format(), StandardFileWriter.write(records));
        assertThat(file.findings().list()).as(kind.name()).isEmpty();
        return file;
    }

    /** A valid 第7表 of one person: one line and the grand total. */
    private static List<BenefitRecord> benefits() {
        RandomRecords.Generated generated = new RandomRecords(11).file(FileKind.UPSIKYU, CsvVersion.V4_1);
        RecordCodec<?> codec = RecordCodecs.forKind(FileKind.UPSIKYU).orElseThrow();
        return generated.records().stream().map(BenefitRecord.class::cast)
                .filter(row -> row.insuredPersonNumber().equals(generated.records().get(0).insuredPersonNumber()))
                .map(row -> {
                    Object[] values = new Object[37];
                    for (int i = 0; i < 37; i++) {
                        values[i] = codec.get(i, row);
                    }
                    values[1] = "312017";
                    values[2] = ScheduleRecords.INSURED_PERSON;
                    values[4] = ScheduleRecords.TARGET_MONTH;
                    return (BenefitRecord) codec.construct(values);
                }).toList();
    }

    @Test
    void benefitTableWithItsScheduleIsAppliedScheduleFirst() {
        StandardFile benefit = file(FileKind.UPSIKYU, benefits(), SENT_AT);
        StandardFile plan = file(FileKind.UPPLAN, ScheduleRecords.records(CsvVersion.V4_1, 2), SENT_AT);

        List<SendUnit> units = SendUnit.group(List.of(benefit, plan));

        assertThat(units).singleElement().satisfies(unit -> {
            assertThat(unit.validate()).isEmpty();
            assertThat(unit.applyOrder()).containsExactly(plan, benefit);
        });
    }

    @Test
    void benefitTableWithoutItsScheduleInTheUnitIsAnError() {
        StandardFile benefit = file(FileKind.UPSIKYU, benefits(), SENT_AT);
        StandardFile plan = file(FileKind.UPPLAN, ScheduleRecords.records(CsvVersion.V4_1, 2), SENT_AT.plusSeconds(1));

        List<SendUnit> units = SendUnit.group(List.of(benefit, plan));

        assertThat(units).hasSize(2);
        assertThat(units.get(0).validate()).extracting(Finding::code, Finding::line)
                .containsExactlyElementsOf(benefit.records().stream()
                        .map(record -> org.assertj.core.groups.Tuple.tuple("STD-KEY-001", record.line())).toList());
        assertThat(units.get(0).validate()).allSatisfy(finding ->
                assertThat(finding.describe()).doesNotContain(ScheduleRecords.INSURED_PERSON));
    }

    @Test
    void carePlanChildrenNeedTheirTable1() {
        LocalDate changedOn = LocalDate.of(2026, 9, 30);
        RandomRecords random = new RandomRecords(1);
        CarePlan1Record table1 = (CarePlan1Record) random.file(FileKind.UP1KYO, CsvVersion.V4_1).records().get(0);
        Object[] values = values(FileKind.UP1KYO, table1);
        values[13] = changedOn;
        table1 = (CarePlan1Record) RecordCodecs.forKind(FileKind.UP1KYO).orElseThrow().construct(values);
        CarePlan2Record row = (CarePlan2Record) random.file(FileKind.UP2KYO, CsvVersion.V4_1).records().get(0);
        Object[] rowValues = values(FileKind.UP2KYO, row);
        rowValues[1] = table1.insurerNumber();
        rowValues[2] = table1.insuredPersonNumber();
        rowValues[4] = changedOn;
        row = (CarePlan2Record) RecordCodecs.forKind(FileKind.UP2KYO).orElseThrow().construct(rowValues);

        StandardFile parent = file(FileKind.UP1KYO, List.of(table1), SENT_AT);
        StandardFile child = file(FileKind.UP2KYO, List.of(row), SENT_AT);

        assertThat(SendUnit.group(List.of(child, parent))).singleElement().satisfies(unit -> {
            assertThat(unit.validate()).isEmpty();
            assertThat(unit.applyOrder()).containsExactly(parent, child);
        });
        assertThat(SendUnit.group(List.of(child)).get(0).validate()).extracting(Finding::code)
                .containsExactly("STD-KEY-001");
    }

    @Test
    void deletesCascadeAsTheStandardSays() {
        CarePlan1DeleteRecord delete1 = new CarePlan1DeleteRecord(CsvVersion.V4_1, "312017", "0123456789",
                LocalDate.of(2026, 9, 30));
        ScheduleDeleteRecord deletePlan = new ScheduleDeleteRecord(CsvVersion.V4_1, "312017", "0123456789",
                ScheduleRecords.TARGET_MONTH);

        assertThat(DeleteCascade.removedBy(delete1)).extracting(DeleteCascade.Removal::kind)
                .containsExactly(FileKind.UP1KYO, FileKind.UP2KYO, FileKind.UP3KYO);
        assertThat(DeleteCascade.removedBy(delete1)).allSatisfy(removal -> assertThat(removal.key().value())
                .isEqualTo("20260930"));
        assertThat(DeleteCascade.removedBy(deletePlan)).extracting(DeleteCascade.Removal::kind)
                .containsExactly(FileKind.UPPLAN, FileKind.UPSIKYU);
        assertThat(DeleteCascade.removedBy(deletePlan).get(1).key())
                .isEqualTo(PlanKey.requiredBy(benefits().get(0)).orElseThrow());
    }

    private static Object[] values(FileKind kind, StandardRecord record) {
        RecordCodec<?> codec = RecordCodecs.forKind(kind).orElseThrow();
        Object[] values = new Object[codec.layout().fieldsVersion4().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = codec.get(i, record);
        }
        return values;
    }
}
