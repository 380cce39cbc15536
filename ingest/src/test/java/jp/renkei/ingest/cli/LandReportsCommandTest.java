package jp.renkei.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code land effect_reports} and {@code land model_regions}: clean files land, a rejected file lands nothing. */
class LandReportsCommandTest {
    private static final String EFFECT_HEADER = "\uFEFF事業所番号,対象年月,印刷枚数,実績入力時間,用紙・郵送費,返戻件数,時間外労働時間,"
            + "有給休暇取得率,ケアマネジャー数,利用者数\n";
    private static final String REGION_HEADER = "都道府県コード,地域ID,地域名,予算額,開始年月,構成員種別,構成員コード\n";

    @TempDir
    Path home;

    @TempDir
    Path inputs;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();


    @Test
    void cleanEffectReportsLand() throws IOException {
        Path file = write("effects.csv", EFFECT_HEADER + "3170100011,2026-09,1200,14.5,18400,2,11.25,62.5,3.5,118\n"
                + "3370100029,2026-09,,,,,,,,40\n");

        assertThat(land("effect_reports", file)).as("stderr: %s", console.err()).isZero();

        assertThat(landedParts("effect_reports")).singleElement().satisfies(part -> assertThat(Files.readString(part)).isEqualTo(
                "office_number,month,sheets_printed,input_hours,paper_postage_yen,returned_claims,overtime_hours,"
                        + "paid_leave_rate,care_managers_fte,users\n"
                        + "3170100011,2026-09,1200,14.5,18400,2,11.25,62.5,3.5,118\n"
                        + "3370100029,2026-09,,,,,,,,40\n"));
    }

    @Test
    void aRejectedEffectReportLandsNothingAndIsQuarantined() throws IOException {
        Path good = write("effects-good.csv", EFFECT_HEADER + "3170100011,2026-09,1200,14.5,18400,2,11.25,62.5,3.5,118\n");
        Path bad = write("effects-bad.csv", EFFECT_HEADER + "3170100011,2026-09,-5,14.5,18400,2,11.25,62.5,3.5,118\n");

        assertThat(land("effect_reports", good, bad)).isEqualTo(1);

        assertThat(home.resolve("landing")).doesNotExist();
        assertThat(filesUnder(home.resolve("quarantine").resolve("effect_reports")))
                .extracting(path -> path.getFileName().toString()).containsExactlyInAnyOrder("effects-bad.csv", "findings.csv");
        assertThat(console.err()).contains("EFF-RANGE-001").contains("nothing landed");
    }

    @Test
    void cleanModelRegionsLand() throws IOException {
        Path file = write("regions.csv", REGION_HEADER + "31,31-east,東部圏域モデル,8500000,2025-07,市町村,312011\n"
                + "31,31-east,東部圏域モデル,8500000,2025-07,事業所,3170100011\n");

        assertThat(land("model_regions", file)).as("stderr: %s", console.err()).isZero();

        assertThat(landedParts("model_regions")).singleElement().satisfies(part -> assertThat(Files.readString(part)).isEqualTo(
                "prefecture_code,region_id,region_name,budget_yen,start_month,member_type,member_code\n"
                        + "31,31-east,東部圏域モデル,8500000,2025-07,municipality,312011\n"
                        + "31,31-east,東部圏域モデル,8500000,2025-07,office,3170100011\n"));
    }

    @Test
    void aRejectedModelRegionFileLandsNothing() throws IOException {
        Path bad = write("regions.csv", REGION_HEADER + "31,31-east,東部圏域モデル,9000000,2025-07,市町村,312011\n");

        assertThat(land("model_regions", bad)).isEqualTo(1);

        assertThat(home.resolve("landing")).doesNotExist();
        assertThat(console.err()).contains("MOD-BUDGET-002");
    }

    private int land(String dataset, Path... files) {
        String[] arguments = new String[files.length + 4];
        arguments[0] = "land";
        arguments[1] = "--home";
        arguments[2] = home.toString();
        arguments[3] = dataset;
        for (int i = 0; i < files.length; i++) {
            arguments[i + 4] = files[i].toString();
        }
        return new CommandLine(new IngestCommand()).execute(arguments);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(inputs.resolve(name), content, StandardCharsets.UTF_8);
    }

    private List<Path> landedParts(String dataset) throws IOException {
        return filesUnder(home.resolve("landing").resolve(dataset));
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
