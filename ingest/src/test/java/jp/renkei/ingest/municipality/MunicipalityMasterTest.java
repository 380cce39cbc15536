package jp.renkei.ingest.municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.InputRejectedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MunicipalityMasterTest {
    private static final String MASTER_RESOURCE = "/jp/renkei/ingest/reference/localgovjp-utf8.csv";
    private static final String HEADER = "\uFEFFpid,pref,cid,city,citykana,lat,lng,url,phrase,lgcode\r\n";
    private static final String TOTTORI = "31,鳥取県,31201,鳥取市,とっとりし,35.49,134.22,https://www.city.tottori.lg.jp/,,312011\r\n";
    private static final String YONAGO = "31,鳥取県,31202,米子市,よなごし,35.42,133.33,https://www.city.yonago.lg.jp/,,312029\r\n";
    private static final String OKAYAMA = "33,岡山県,33100,岡山市,おかやまし,34.65,133.91,https://www.city.okayama.jp/,,331007\r\n";
    private static final String OKAYAMA_KITA = "33,岡山県,33101,岡山市 北区,おかやまし きたく,34.65,133.91,,,331015\r\n";

    private static MunicipalityMaster bundled;

    @BeforeAll
    static void readBundledMaster() throws IOException, InputRejectedException {
        try (InputStream input = MunicipalityMasterTest.class.getResourceAsStream(MASTER_RESOURCE)) {
            assertThat(input).as("bundled master %s", MASTER_RESOURCE).isNotNull();
            bundled = MunicipalityMaster.read("localgovjp-utf8.csv", new InputStreamReader(input, StandardCharsets.UTF_8));
        }
    }

    @Test
    void bundledMasterHoldsTheNationsMunicipalitiesWithoutWards() {
        assertThat(bundled.municipalities()).hasSize(1_741);
        assertThat(bundled.municipalities()).extracting(Municipality::name).noneMatch(name -> name.contains(" "));
        assertThat(bundled.municipalities()).allSatisfy(municipality -> {
            assertThat(LocalGovernmentCode.isValid(municipality.code())).isTrue();
            assertThat(municipality.code()).startsWith(municipality.prefectureCode());
        });
    }

    @Test
    void designatedCityCarriesItsWardCodes() {
        Municipality okayama = bundled.resolve("331007").orElseThrow();

        assertThat(okayama.name()).isEqualTo("岡山市");
        assertThat(okayama.prefectureCode()).isEqualTo("33");
        assertThat(okayama.prefectureName()).isEqualTo("岡山県");
        assertThat(okayama.wardCodes()).containsExactly("331015", "331023", "331031", "331040");
        assertThat(bundled.resolve("011002").orElseThrow().wardCodes()).hasSize(10);
    }

    @Test
    void wardCodeResolvesToItsCity() {
        assertThat(bundled.resolve("331015")).hasValueSatisfying(city -> {
            assertThat(city.code()).isEqualTo("331007");
            assertThat(city.name()).isEqualTo("岡山市");
        });
        assertThat(bundled.resolve("312011")).hasValueSatisfying(city -> assertThat(city.name()).isEqualTo("鳥取市"));
        assertThat(bundled.resolve("999999")).isEmpty();
    }

    @Test
    void smallMasterReadsWithAndWithoutByteOrderMark() throws IOException, InputRejectedException {
        String content = HEADER + TOTTORI + OKAYAMA + OKAYAMA_KITA;

        for (String variant : List.of(content, content.substring(1))) {
            MunicipalityMaster master = read(variant);
            assertThat(master.municipalities()).extracting(Municipality::code).containsExactly("312011", "331007");
            assertThat(master.resolve("331015").orElseThrow().wardCodes()).containsExactly("331015");
            assertThat(master.municipalities().iterator().next().toLandingRow())
                    .containsExactly("312011", "31", "鳥取県", "鳥取市", "とっとりし");
        }
    }

    @Test
    void codeWithWrongCheckDigitIsRejectedAtItsLine() {
        List<Finding> findings = rejection(HEADER + TOTTORI + YONAGO.replace("312029", "312028"));

        assertThat(findings).extracting(Finding::code, Finding::line, Finding::column, Finding::field)
                .containsExactly(tuple("MUN-CODE-001", 3L, 10, "lgcode"));
        assertThat(findings.get(0).messageEn()).contains("312028");
    }

    @Test
    void wrongHeaderIsRejected() {
        List<Finding> findings = rejection(HEADER.replace("lgcode", "code") + TOTTORI);

        assertThat(findings).extracting(Finding::code, Finding::line).containsExactly(tuple("MUN-HEADER-001", 1L));
    }

    @Test
    void duplicateCodeIsRejectedAtTheSecondOccurrence() {
        List<Finding> findings = rejection(HEADER + TOTTORI + YONAGO + TOTTORI);

        assertThat(findings).extracting(Finding::code, Finding::line, Finding::field)
                .containsExactly(tuple("MUN-DUP-001", 4L, "lgcode"));
    }

    @Test
    void wardWhoseCityIsMissingIsRejected() {
        List<Finding> findings = rejection(HEADER + TOTTORI + OKAYAMA_KITA);

        assertThat(findings).extracting(Finding::code, Finding::line, Finding::field)
                .containsExactly(tuple("MUN-WARD-001", 3L, "city"));
    }

    @Test
    void prefectureNumberMustAgreeWithTheCode() {
        List<Finding> findings = rejection(HEADER + TOTTORI.replaceFirst("^31,", "32,"));

        assertThat(findings).extracting(Finding::code, Finding::line).containsExactly(tuple("MUN-CODE-002", 2L));
    }

    @Test
    void everyBadLineIsReportedNotJustTheFirst() {
        List<Finding> findings = rejection(HEADER + TOTTORI.replace("312011", "312012") + YONAGO
                + YONAGO.replace("312029", "31202"));

        assertThat(findings).extracting(Finding::code, Finding::line)
                .containsExactly(tuple("MUN-CODE-001", 2L), tuple("MUN-CODE-001", 4L));
    }

    private static MunicipalityMaster read(String content) throws IOException, InputRejectedException {
        return MunicipalityMaster.read("master.csv", new StringReader(content));
    }

    private static List<Finding> rejection(String content) {
        InputRejectedException rejection = catchThrowableOfType(InputRejectedException.class, () -> read(content));
        assertThat(rejection).as("rejection").isNotNull();
        assertThat(rejection.findings()).allSatisfy(finding -> assertThat(finding.file()).isEqualTo("master.csv"));
        return rejection.findings();
    }
}
