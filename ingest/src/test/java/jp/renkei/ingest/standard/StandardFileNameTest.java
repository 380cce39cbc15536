package jp.renkei.ingest.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StandardFileNameTest {

    @Test
    void version4NameParsesIntoItsParts() throws InvalidFileNameException {
        StandardFileName name = StandardFileName.parse("UPPLAN_202610_3170100011_43_3170100029_11_20261005093000.CSV");

        assertThat(name.kind()).isEqualTo(FileKind.UPPLAN);
        assertThat(name.targetMonth()).contains(YearMonth.of(2026, 10));
        assertThat(name.senderOffice()).isEqualTo("3170100011");
        assertThat(name.senderServiceType()).isEqualTo("43");
        assertThat(name.recipientOffice()).isEqualTo("3170100029");
        assertThat(name.recipientServiceType()).isEqualTo("11");
        assertThat(name.sentAt()).isEqualTo(LocalDateTime.of(2026, 10, 5, 9, 30, 0));
        assertThat(name.version4()).isTrue();
    }

    @Test
    void version3NameHasNoServiceTypes() throws InvalidFileNameException {
        StandardFileName name = StandardFileName.parse("UPJSK_202610_3170100029_3170100011_20261031180512.CSV");

        assertThat(name.kind()).isEqualTo(FileKind.UPJSK);
        assertThat(name.targetMonth()).contains(YearMonth.of(2026, 10));
        assertThat(name.senderOffice()).isEqualTo("3170100029");
        assertThat(name.senderServiceType()).isEmpty();
        assertThat(name.recipientOffice()).isEqualTo("3170100011");
        assertThat(name.recipientServiceType()).isEmpty();
        assertThat(name.sentAt()).isEqualTo(LocalDateTime.of(2026, 10, 31, 18, 5, 12));
        assertThat(name.version4()).isFalse();
    }

    @Test
    void carePlanFilesTakeMonthZeroAsNoTargetMonth() throws InvalidFileNameException {
        StandardFileName name = StandardFileName.parse("UP1KYO_000000_3170100011_43_3170100029_11_20261005093000.CSV");

        assertThat(name.kind()).isEqualTo(FileKind.UP1KYO);
        assertThat(name.targetMonth()).isEmpty();
    }

    @Test
    void carePlanFilesWithoutAMonthSegmentFollowTheLayout() throws InvalidFileNameException {
        StandardFileName name = StandardFileName.parse("UP2KYO_3170100011_43_3170100029_11_20261005093000.CSV");

        assertThat(name.kind()).isEqualTo(FileKind.UP2KYO);
        assertThat(name.targetMonth()).isEmpty();
        assertThat(name.senderOffice()).isEqualTo("3170100011");
    }

    @Test
    void prefixesWithAnUnderscoreParse() throws InvalidFileNameException {
        assertThat(StandardFileName.parse("UPKIHON_SUB1_3170100011_46_3170100029_A2_20261005093000.CSV").kind())
                .isEqualTo(FileKind.UPKIHON_SUB1);
        assertThat(StandardFileName.parse("UPYOBO_SUB_3170100011_46_3170100029_A2_20261005093000.CSV").kind())
                .isEqualTo(FileKind.UPYOBO_SUB);
        assertThat(StandardFileName.parse("UPYOBO_3170100011_46_3170100029_A2_20261005093000.CSV").kind())
                .isEqualTo(FileKind.UPYOBO);
    }

    @Test
    void familyImageNameCarriesItsBranchNumber() throws InvalidFileNameException {
        StandardFileName name =
                StandardFileName.parse("UPKIHON_IMAGE_3170100011_46_3170100029_A2_20261005093000_0012.jpg");

        assertThat(name.kind()).isEqualTo(FileKind.UPKIHON_IMAGE);
        assertThat(name.imageBranch()).isEqualTo("0012");
        assertThat(name.sentAt()).isEqualTo(LocalDateTime.of(2026, 10, 5, 9, 30, 0));
    }

    @Test
    void lowerCaseExtensionIsAccepted() throws InvalidFileNameException {
        assertThat(StandardFileName.parse("UPPLAN_202610_3170100011_43_3170100029_11_20261005093000.csv").kind())
                .isEqualTo(FileKind.UPPLAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "UPPLAN_202610_3170100011_43_3170100029_11_20261005093000.CSV",
        "UPSIKYU_202512_0110000011_46_4710000029_A1_20251201000000.CSV",
        "UP1KYO_3170100011_43_3170100029_11_20261005093000.CSV",
        "UPJSK_202610_3170100029_3170100011_20261031180512.CSV",
        "DLT1KYO_3170100011_3170100029_20240229235959.CSV",
        "UPHOSOKU_000000_3170100011_43_3170100029_11_20261005093000.CSV",
        "UPKIHON_SUB1_3170100011_46_3170100029_A2_20261005093000.CSV",
        "UPKIHON_SUB2_3170100011_46_3170100029_A2_20261005093000.CSV",
        "UPYOBO_SUB_3170100011_46_3170100029_A2_20261005093000.CSV",
        "UPKIHON_IMAGE_3170100011_46_3170100029_A2_20261005093000_0001.jpg"})
    void formatGivesBackTheParsedName(String fileName) throws InvalidFileNameException {
        assertThat(StandardFileName.parse(fileName).format()).isEqualTo(fileName);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        UPFOO_202610_3170100011_43_3170100029_11_20261005093000.CSV    | STD-NAME-003
        UPPLAN_202613_3170100011_43_3170100029_11_20261005093000.CSV   | STD-NAME-004
        UPPLAN_202600_3170100011_43_3170100029_11_20261005093000.CSV   | STD-NAME-004
        UPPLAN_000000_3170100011_43_3170100029_11_20261005093000.CSV   | STD-NAME-004
        UPPLAN_202610_3170100011_43_3170100029_11_20261131093000.CSV   | STD-NAME-005
        UPPLAN_202610_3170100011_43_3170100029_11_20261005246000.CSV   | STD-NAME-005
        UPPLAN_202610_4870100011_43_3170100029_11_20261005093000.CSV   | STD-NAME-006
        UPPLAN_202610_3170100011_43_0070100029_11_20261005093000.CSV   | STD-NAME-006
        UPPLAN_202610_3170100011_4X_3170100029_11_20261005093000.CSV   | STD-NAME-008
        UPPLAN_202610_3170100011_43_3170100029_ZZ_20261005093000.CSV   | STD-NAME-008
        UPJSK_202610_3170100029_4870100011_20261031180512.CSV          | STD-NAME-006
        UPPLAN_202610_317010001_43_3170100029_11_20261005093000.CSV    | STD-NAME-002
        ../UPPLAN_202610_3170100011_43_3170100029_11_20261005093000.CSV| STD-NAME-002
        outbox/UPPLAN_202610_3170100011_43_3170100029_11_20261005093000.CSV| STD-NAME-002
        UPPLAN_202610_3170100011_43_3170100029_11_20261005093000.CSV.exe| STD-NAME-002
        upplan_202610_3170100011_43_3170100029_11_20261005093000.CSV   | STD-NAME-002
        UPPLAN_２０２６１０_3170100011_43_3170100029_11_20261005093000.CSV | STD-NAME-002
        hello.txt                                                      | STD-NAME-002
        UPPLAN_3170100011_43_3170100029_11_20261005093000.CSV          | STD-NAME-004
        UP1KYO_202610_3170100011_43_3170100029_11_20261005093000.CSV   | STD-NAME-004
        UPKIHON_IMAGE_3170100011_46_3170100029_A2_20261005093000.jpg   | STD-NAME-007
        UPKIHON_IMAGE_3170100011_46_3170100029_A2_20261005093000_0001.CSV | STD-NAME-007
        UPKIHON_3170100011_46_3170100029_A2_20261005093000_0001.CSV    | STD-NAME-007
        UPKIHON_SUB3_3170100011_46_3170100029_A2_20261005093000.CSV    | STD-NAME-002
        """)
    void invalidNamesAreRejectedWithTheCodeOfTheFaultyPart(String fileName, String code) {
        InvalidFileNameException rejection = rejection(fileName);

        assertThat(rejection.finding().code()).isEqualTo(code);
        assertThat(rejection.finding().file()).isEqualTo(fileName);
        assertThat(rejection.finding().field()).isEqualTo("ファイル名");
        assertThat(rejection.finding().isError()).isTrue();
    }

    @Test
    void controlCharactersAreRejected() {
        String valid = "UPPLAN_202610_3170100011_43_3170100029_11_20261005093000.CSV";

        assertThat(rejection(valid + "\n").finding().code()).isEqualTo("STD-NAME-002");
        assertThat(rejection("\u0000" + valid).finding().code()).isEqualTo("STD-NAME-002");
        assertThat(rejection(valid.replace('_', '\t')).finding().code()).isEqualTo("STD-NAME-002");
    }

    @Test
    void emptyMissingAndOverlongNamesAreRejectedBeforeMatching() {
        String overlong = "UPPLAN_202610_3170100011_43_3170100029_11_20261005093000" + "0".repeat(61) + ".CSV";

        assertThat(overlong).hasSizeGreaterThan(120);
        assertThat(rejection(overlong).finding().code()).isEqualTo("STD-NAME-001");
        assertThat(rejection("").finding().code()).isEqualTo("STD-NAME-001");
        assertThat(rejection(null).finding().code()).isEqualTo("STD-NAME-001");
    }

    @Test
    void rejectionMessagesNameThePartToFix() {
        assertThat(rejection("UPPLAN_202613_3170100011_43_3170100029_11_20261005093000.CSV"))
                .hasMessageContaining("STD-NAME-004")
                .hasMessageContaining("202613");
        assertThat(rejection("UPPLAN_202610_4870100011_43_3170100029_11_20261005093000.CSV").finding().messageEn())
                .contains("sender office number")
                .contains("4870100011");
    }

    private static InvalidFileNameException rejection(String fileName) {
        InvalidFileNameException rejection =
                catchThrowableOfType(InvalidFileNameException.class, () -> StandardFileName.parse(fileName));
        assertThat(rejection).as("rejection of %s", fileName).isNotNull();
        return rejection;
    }
}
