package jp.renkei.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code renkei-ingest validate} on files from the malformed corpus (its manifest says what each one is). */
class ValidateCommandTest {
    /** Codes that are warnings: a file with only these is accepted. */
    private static final Set<String> WARNING_CODES = Set.of("STD-ENC-004", "STD-SCOPE-001", "STD-SCOPE-002",
            "STD-FORMAT-008", "STD-PRORATE-001", "STD-EQUIP-001");
    private static final String PERSON_NUMBER = "0123456789";

    @TempDir
    Path home;

    @TempDir
    Path inputs;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    /** One manifest row. */
    private record Entry(String path, List<String> codes, String defect) {
        String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        boolean declaredUtf8() {
            return path.startsWith("utf8/");
        }

        boolean rejected() {
            return codes.stream().anyMatch(code -> !WARNING_CODES.contains(code));
        }
    }


    @Test
    void cleanFolderExitsZeroWithASummaryAndAnEmptyReport() throws IOException {
        List<Entry> clean = entries().stream().filter(entry -> entry.codes().isEmpty() && !entry.declaredUtf8()).toList();
        Path nested = inputs.resolve("october");
        for (Entry entry : clean) {
            copy(entry, nested);
        }

        int exitCode = validate(inputs);

        assertThat(exitCode).isEqualTo(0);
        assertThat(console.out()).contains("files: " + clean.size() + " (0 rejected)", "errors: 0, warnings: 0", "report: ");
        assertThat(home.resolve("quarantine")).doesNotExist();
        assertThat(records(singleFolder(home.resolve("reports/standard")).resolve("findings.csv"))).isEmpty();
    }

    @Test
    void mixedFolderExitsOneAndQuarantinesExactlyTheBadFilesWhole() throws IOException {
        List<Entry> chosen = new ArrayList<>();
        chosen.add(byDefect("作成年月日 20260230"));
        chosen.add(byDefect("4 KB of random bytes"));
        chosen.add(byDefect("被保険者番号 of 11 digits"));
        chosen.add(byDefect("サービス種類 32 (out of the standard's scope): a warning; the file is accepted"));
        chosen.add(byDefect("control: first line ends LF; the others CRLF"));
        chosen.add(byDefect("control: MS932 extensions (NEC and IBM rows; half-width kana)"));
        for (Entry entry : chosen) {
            copy(entry, inputs);
        }
        Path report = home.resolve("custom/findings.csv");

        int exitCode = validate("--report", report.toString(), inputs.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(console.out()).contains("files: 6 (3 rejected)", "warnings: 1", "STD-DATE-001", "STD-ENC-001",
                "STD-FORMAT-002", "STD-SCOPE-001");
        Path quarantine = singleFolder(home.resolve("quarantine/standard"));
        assertThat(listing(quarantine)).containsExactlyInAnyOrder("findings.csv", chosen.get(0).fileName(),
                chosen.get(1).fileName(), chosen.get(2).fileName());
        for (Entry bad : chosen.subList(0, 3)) {
            assertThat(quarantine.resolve(bad.fileName())).hasSameBinaryContentAs(corpus().resolve(bad.path()));
        }
        assertThat(records(report)).anySatisfy(row -> {
            assertThat(row.get("code")).isEqualTo("STD-DATE-001");
            assertThat(row.get("severity")).isEqualTo("ERROR");
            assertThat(row.get("file")).isEqualTo(chosen.get(0).fileName());
            assertThat(row.get("line")).isEqualTo("1");
            assertThat(row.get("column")).isEqualTo("4");
            assertThat(row.get("field")).isEqualTo("作成年月日");
            assertThat(row.get("message_ja")).contains("20260230");
        });
        assertThat(records(quarantine.resolve("findings.csv"))).extracting(row -> row.get("code"))
                .containsExactlyInAnyOrder("STD-DATE-001", "STD-ENC-001", "STD-FORMAT-002");
        assertThat(console.out() + console.err() + Files.readString(report)).doesNotContain(PERSON_NUMBER);
    }

    @Test
    void wholeCorpusLandsNothingAndQuarantinesEveryFileWithAnError() throws IOException {
        for (boolean declared : new boolean[] {false, true}) {
            Path folder = inputs.resolve(declared ? "utf8" : "ms932");
            Path runHome = home.resolve(declared ? "utf8-home" : "ms932-home");
            List<Entry> entries = entries().stream().filter(entry -> entry.declaredUtf8() == declared).toList();
            for (Entry entry : entries) {
                copy(entry, folder);
            }
            List<String> arguments = new ArrayList<>(List.of("--home", runHome.toString(), folder.toString()));
            if (declared) {
                arguments.add(0, "--utf8");
            }

            int exitCode = new CommandLine(new IngestCommand()).execute(
                    Stream.concat(Stream.of("validate"), arguments.stream()).toArray(String[]::new));

            assertThat(exitCode).isEqualTo(1);
            assertThat(runHome.resolve("landing")).doesNotExist();
            Path quarantine = singleFolder(runHome.resolve("quarantine/standard"));
            List<String> expected = new ArrayList<>(entries.stream().filter(Entry::rejected).map(Entry::fileName).toList());
            expected.add("findings.csv");
            assertThat(listing(quarantine)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(new CommandLine(new IngestCommand()).execute("validate")).isEqualTo(2);
        assertThat(validate(inputs.resolve("missing"))).isEqualTo(2);
        assertThat(validate(inputs)).as("an empty folder").isEqualTo(2);
        assertThat(home.resolve("reports")).doesNotExist();
    }

    private int validate(Path... paths) {
        List<String> arguments = new ArrayList<>();
        for (Path path : paths) {
            arguments.add(path.toString());
        }
        return validate(arguments.toArray(String[]::new));
    }

    private int validate(String... arguments) {
        List<String> all = new ArrayList<>(List.of("validate", "--home", home.toString()));
        all.addAll(List.of(arguments));
        return new CommandLine(new IngestCommand()).execute(all.toArray(String[]::new));
    }



    private static Path corpus() {
        try {
            return Path.of(Objects.requireNonNull(ValidateCommandTest.class.getResource(
                    "/jp/renkei/ingest/standard/corpus/expected.csv")).toURI()).getParent();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(corpus().resolve("expected.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] row = line.split(",", 3);
            entries.add(new Entry(row[0], row[1].isBlank() ? List.of() : List.of(row[1].split(" ")), row[2]));
        }
        return entries;
    }

    private static Entry byDefect(String defect) throws IOException {
        return entries().stream().filter(entry -> entry.defect().equals(defect)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no corpus file for " + defect));
    }

    private static void copy(Entry entry, Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.copy(corpus().resolve(entry.path()), folder.resolve(entry.fileName()));
    }

    private static Path singleFolder(Path parent) throws IOException {
        try (Stream<Path> children = Files.list(parent)) {
            List<Path> folders = children.toList();
            assertThat(folders).hasSize(1);
            return folders.get(0);
        }
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(path -> folder.relativize(path).toString()).toList();
        }
    }

    private static List<CSVRecord> records(Path report) throws IOException {
        try (Reader reader = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
            reader.skip(1); // the BOM
            try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                return parser.getRecords();
            }
        }
    }
}
