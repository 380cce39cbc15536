package jp.renkei.relay.cardcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvEligibilityRegistryTest {
    private static final String HEADER = String.join(",", CsvEligibilityRegistry.HEADER) + "\n";

    @TempDir
    Path folder;

    @Test
    void findsAPersonByCertificateSerialAcrossInsurerFiles() throws Exception {
        Files.writeString(folder.resolve("310011.csv"), "\uFEFF" + HEADER
                + "00AB12,310011,H310012345,要介護3,2026-04-01,2027-03-31,2,3110000011;3110000029\n",
                StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("131016.csv"), HEADER
                + "cd34,131016,0000012345,要支援1,2025-10-01,2026-09-30,1,\n", StandardCharsets.UTF_8);
        CsvEligibilityRegistry registry = new CsvEligibilityRegistry(folder);

        EligibilityRecord record = registry.find("ab12").orElseThrow();

        assertThat(record.insurerNumber()).isEqualTo("310011");
        assertThat(record.insuredPersonNumber()).isEqualTo("H310012345");
        assertThat(record.careLevel()).isEqualTo("要介護3");
        assertThat(record.certificationValidFrom()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(record.certificationValidTo()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(record.copaymentRatio()).isEqualTo(2);
        assertThat(record.registeredOffices()).containsExactlyInAnyOrder("3110000011", "3110000029");
        assertThat(registry.find("cd34").orElseThrow().registeredOffices()).isEmpty();
        assertThat(registry.find("ef56")).isEmpty();
    }

    @Test
    void aChangedFileIsReadAgain() throws Exception {
        Path file = folder.resolve("310011.csv");
        Files.writeString(file, HEADER, StandardCharsets.UTF_8);
        CsvEligibilityRegistry registry = new CsvEligibilityRegistry(folder);
        assertThat(registry.find("ab12")).isEmpty();

        Files.writeString(file, HEADER + "ab12,310011,H310012345,要介護1,2026-04-01,2027-03-31,1,\n",
                StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(registry.find("ab12")).isPresent();
    }

    @Test
    void aMissingFolderIsUnavailableNotEmpty() {
        CsvEligibilityRegistry registry = new CsvEligibilityRegistry(folder.resolve("not-mounted"));

        assertThatThrownBy(() -> registry.find("ab12")).isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("not-mounted");
    }

    @Test
    void aBrokenRowMakesTheRegistryUnavailableNamingThePlaceButNotTheValue() throws Exception {
        Files.writeString(folder.resolve("310011.csv"), HEADER
                + "ab12,310011,H310012345,要介護1,2026-04-01,2027-03-31,1,\n"
                + "cd34,310011,H310099999,要介護1,2026-04-01,2027-03-31,5,\n", StandardCharsets.UTF_8);
        CsvEligibilityRegistry registry = new CsvEligibilityRegistry(folder);

        assertThatThrownBy(() -> registry.find("ab12")).isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("310011.csv line 3 column copayment_ratio")
                .hasMessageNotContaining("H310099999");
    }

    @Test
    void aRowOfAnotherInsurerOrAWrongHeaderIsRefused() throws Exception {
        Files.writeString(folder.resolve("310011.csv"), HEADER
                + "ab12,131016,H310012345,要介護1,2026-04-01,2027-03-31,1,\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new CsvEligibilityRegistry(folder).find("ab12"))
                .hasMessageContaining("column insurer_number");

        Files.writeString(folder.resolve("310011.csv"), "serial,insurer\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new CsvEligibilityRegistry(folder).find("ab12"))
                .hasMessageContaining("the header must be [certificate_serial, insurer_number");

        // Exported without its header: the message (which the relay logs) names the header, never the row's person.
        Files.writeString(folder.resolve("310011.csv"), "ab12,310011,H310012345,要介護1,2026-04-01,2027-03-31,1,\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new CsvEligibilityRegistry(folder).find("ab12"))
                .hasMessageContaining("the header must be [certificate_serial, insurer_number")
                .hasMessageContaining("field 1 must be 'certificate_serial'")
                .hasMessageNotContaining("H310012345");
    }

    @Test
    void theCertificationPeriodIncludesBothEnds() {
        EligibilityRecord record = new EligibilityRecord("ab12", "310011", "H310012345", "要介護1",
                LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), 1, java.util.Set.of());

        assertThat(record.eligibleOn(LocalDate.of(2026, 4, 1))).isTrue();
        assertThat(record.eligibleOn(LocalDate.of(2027, 3, 31))).isTrue();
        assertThat(record.eligibleOn(LocalDate.of(2026, 3, 31))).isFalse();
        assertThat(record.eligibleOn(LocalDate.of(2027, 4, 1))).isFalse();
    }
}
