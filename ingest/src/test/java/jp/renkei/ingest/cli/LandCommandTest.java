package jp.renkei.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LandCommandTest {
    private static final String HEADER = "事業所番号,サービス種類コード,申請日,利用開始日,利用終了日,プラン\n";
    private static final String GOOD_LINE = "3170100011,43,2025-03-01,2025-03-05,2026-03-04,有償\n";
    private static final String FREE_PASS_LINE = "3170100029,11,2025-06-02,2025-06-02,,フリーパス\n";
    private static final String BAD_DATE_LINE = "3170100037,15,2025-02-30,2025-03-05,,有償\n";

    @TempDir
    Path home;

    @TempDir
    Path inputs;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();


    @Test
    void cleanRosterLandsAsOnePart() throws IOException {
        Path roster = write("applications.csv", HEADER + GOOD_LINE + FREE_PASS_LINE, StandardCharsets.UTF_8);

        int exitCode = land("applications", roster);

        assertThat(exitCode).as("exit code; stderr: %s", console.err()).isZero();
        List<Path> landed = filesUnder(home.resolve("landing"));
        assertThat(landed).singleElement().satisfies(part -> {
            assertThat(part.getParent().getParent()).isEqualTo(home.resolve("landing").resolve("applications"));
            assertThat(part.getParent().getFileName().toString()).matches("dt=\\d{4}-\\d{2}-\\d{2}");
            assertThat(Files.readString(part)).isEqualTo(
                    "office_number,service_type,applied_on,license_start,license_end,plan\n"
                            + "3170100011,43,2025-03-01,2025-03-05,2026-03-04,paid\n"
                            + "3170100029,11,2025-06-02,2025-06-02,,free_pass\n");
        });
        assertThat(console.out()).contains("2 row(s) landed");
        assertThat(home.resolve("quarantine")).doesNotExist();
    }

    @Test
    void anOfficeListWithOnlyWarningsLandsAndReportsThem() throws IOException {
        String header = "\uFEFF都道府県コード又は市区町村コード,No,都道府県名,市区町村名,事業所名,事業所名カナ,サービスの種類,住所,方書,"
                + "緯度,経度,電話番号,FAX番号,法人番号,法人の名称,事業所番号,利用可能曜日,利用可能曜日特記事項,定員,URL,"
                + "高齢者と障害者の同時一体的利用,介護保険の通常の指定基準を満たしている,障害福祉の通常の指定基準を満たしている,備考\n";
        // An office in 鳥取市 whose number carries 岡山県's code: suspicious, but not wrong enough to reject.
        String line = "312011,1,鳥取県,鳥取市,出張所,,訪問看護,,,,,,,,,3370100029,,,,,,,,\n";
        Path list = write("jigyosho.csv", header + line, StandardCharsets.UTF_8);

        int exitCode = land("offices", list);

        assertThat(exitCode).as("exit code; stderr: %s", console.err()).isZero();
        assertThat(filesUnder(home.resolve("landing"))).hasSize(1);
        List<Path> reports = filesUnder(home.resolve("reports").resolve("offices"));
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.getFileName().toString()).isEqualTo("warnings.csv");
            assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("OFF-NUMBER-002").contains("事業所番号");
        });
        assertThat(console.out()).contains("1 warning(s)").contains("OFF-NUMBER-002");
    }

    @Test
    void oneBadLineQuarantinesItsFileAndLandsNothing() throws IOException {
        Path bad = write("roster-bad.csv", HEADER + GOOD_LINE + BAD_DATE_LINE, StandardCharsets.UTF_8);
        Path good = write("roster-good.csv", HEADER + FREE_PASS_LINE, StandardCharsets.UTF_8);

        int exitCode = land("applications", bad, good);

        assertThat(exitCode).isEqualTo(1);
        assertThat(filesUnder(home)).noneMatch(file -> file.startsWith(home.resolve("landing")));
        Path stampFolder = singleQuarantineFolder("applications");
        assertThat(stampFolder.getFileName().toString()).matches("\\d{8}T\\d{6}");
        assertThat(stampFolder.resolve("roster-bad.csv")).hasSameBinaryContentAs(bad);
        assertThat(stampFolder.resolve("roster-good.csv")).doesNotExist();

        List<CSVRecord> findings = findingsReport(stampFolder.resolve("findings.csv"));
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.get("code")).isEqualTo("APP-DATE-001");
            assertThat(finding.get("severity")).isEqualTo("ERROR");
            assertThat(finding.get("file")).isEqualTo("roster-bad.csv");
            assertThat(finding.get("line")).isEqualTo("3");
            assertThat(finding.get("column")).isEqualTo("3");
            assertThat(finding.get("field")).isEqualTo("申請日");
            assertThat(finding.get("message_ja")).contains("2025-02-30");
        });
        assertThat(console.err()).contains("nothing landed").contains("APP-DATE-001").contains("findings.csv");
    }

    @Test
    void rosterSavedAsShiftJisIsAnEncodingError() throws IOException {
        Path roster = write("applications.csv", HEADER + GOOD_LINE, Charset.forName("windows-31j"));

        assertThat(land("applications", roster)).isEqualTo(1);

        assertThat(findingsReport(singleQuarantineFolder("applications").resolve("findings.csv")))
                .extracting(finding -> finding.get("code")).containsExactly("CSV-ENC-001");
        assertThat(home.resolve("landing")).doesNotExist();
    }

    @Test
    void shiftJisBytesAfterAUtf8HeaderAreAnEncodingErrorToo() throws IOException {
        Path roster = inputs.resolve("applications.csv");
        Files.write(roster, concat((HEADER + GOOD_LINE).getBytes(StandardCharsets.UTF_8),
                FREE_PASS_LINE.getBytes(Charset.forName("windows-31j"))));

        assertThat(land("applications", roster)).isEqualTo(1);

        assertThat(findingsReport(singleQuarantineFolder("applications").resolve("findings.csv")))
                .extracting(finding -> finding.get("code")).containsExactly("CSV-ENC-001");
        assertThat(console.err()).contains("CSV-ENC-001");
    }

    @Test
    void missingFileArgumentIsAUsageError() {
        assertThat(land("applications")).isEqualTo(2);
        assertThat(console.err()).contains("Missing required parameter");
    }

    private int land(String dataset, Path... files) {
        String[] arguments = Stream.concat(Stream.of("land", dataset, "--home", home.toString()),
                Stream.of(files).map(Path::toString)).toArray(String[]::new);
        return new CommandLine(new IngestCommand()).execute(arguments);
    }

    private Path singleQuarantineFolder(String dataset) throws IOException {
        try (Stream<Path> folders = Files.list(home.resolve("quarantine").resolve(dataset))) {
            List<Path> stamps = folders.toList();
            assertThat(stamps).hasSize(1);
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(stamps.get(0))))
                    .as("a quarantined input holds personal data: owner-only").isEqualTo("rwx------");
            return stamps.get(0);
        }
    }

    /** Reads the report, checking first that it starts with the UTF-8 byte-order mark Excel needs. */
    private static List<CSVRecord> findingsReport(Path report) throws IOException {
        byte[] bytes = Files.readAllBytes(report);
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        try (Reader reader = new StringReader(text);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            assertThat(parser.getHeaderNames())
                    .containsExactly("code", "severity", "file", "line", "column", "field", "message_ja", "message_en");
            return parser.getRecords();
        }
    }

    private Path write(String name, String content, Charset charset) throws IOException {
        Path file = inputs.resolve(name);
        Files.writeString(file, content, charset);
        return file;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }


}
