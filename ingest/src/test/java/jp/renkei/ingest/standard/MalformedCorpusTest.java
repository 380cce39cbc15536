package jp.renkei.ingest.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.renkei.ingest.finding.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed-file corpus (see {@link MalformedCorpus}), driven by its manifest {@code corpus/expected.csv}.
 * Each file must produce exactly the set of distinct codes the manifest names — set equality, not containment,
 * because one defect should give one diagnosis: an extra code means a cascade (one broken field reported again as
 * a wrong total or a missing parent) or a generator mistake, and both are worth a failing test. Counts are not
 * compared: how often a code repeats depends on how many lines carry the defect, not on the check.
 */
class MalformedCorpusTest {
    static final String SOURCE_FOLDER = "src/test/resources/jp/renkei/ingest/standard/corpus";

    private static Map<String, Set<String>> outcomes;

    static Path corpus() {
        try {
            return Path.of(Objects.requireNonNull(MalformedCorpusTest.class.getResource("corpus/" + MalformedCorpus.MANIFEST),
                    "corpus missing: regenerate it with MalformedCorpus.main (see its comment)").toURI()).getParent();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The manifest rows: path under the corpus, expected codes, defect. */
    static List<String[]> manifest() throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(corpus().resolve(MalformedCorpus.MANIFEST), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", 3));
        }
        return rows;
    }

    static Stream<Arguments> files() throws IOException {
        return manifest().stream().map(row -> Arguments.of(row[0], codes(row[1]), row[2]));
    }

    private static Set<String> codes(String spaced) {
        return spaced.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(spaced.split(" ")));
    }

    /** Every corpus file through {@link StandardBatch}, as {@code validate} runs it: distinct codes per path. */
    private static synchronized Map<String, Set<String>> outcomes() throws IOException {
        if (outcomes == null) {
            Path root = corpus();
            Map<String, Set<String>> byPath = new HashMap<>();
            List<Path> ms932 = new ArrayList<>();
            List<Path> utf8 = new ArrayList<>();
            for (String[] row : manifest()) {
                (row[0].startsWith(MalformedCorpus.UTF8_FOLDER + "/") ? utf8 : ms932).add(root.resolve(row[0]));
            }
            for (boolean declared : new boolean[] {false, true}) {
                new StandardBatch(declared).validate(declared ? utf8 : ms932, result -> byPath.put(
                        root.relativize(result.path()).toString().replace('\\', '/'),
                        result.findings().stream().map(Finding::code).collect(Collectors.toCollection(TreeSet::new))),
                        ignored -> { });
            }
            outcomes = byPath;
        }
        return outcomes;
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("files")
    void eachFileProducesExactlyItsExpectedCodes(String path, Set<String> expected, String defect) throws IOException {
        Path file = corpus().resolve(path);
        byte[] content = Files.readAllBytes(file);
        boolean declared = path.startsWith(MalformedCorpus.UTF8_FOLDER + "/");

        assertThatCode(() -> new StandardFileReader(declared).read(file.getFileName().toString(), content))
                .as(defect).doesNotThrowAnyException();
        assertThat(outcomes().get(path)).as(defect).isEqualTo(expected);
    }

    @Test
    void corpusHoldsSixtyMalformedFilesAndEveryKind() throws IOException {
        List<String[]> rows = manifest();
        long malformed = rows.stream().filter(row -> !row[1].isBlank()).count();
        Set<FileKind> kinds = EnumSet.noneOf(FileKind.class);
        for (String[] row : rows) {
            String name = row[0].substring(row[0].lastIndexOf('/') + 1);
            try {
                kinds.add(StandardFileName.parse(name).kind());
            } catch (InvalidFileNameException badName) {
                // the name cases: their kind is what is wrong
            }
        }

        assertThat(malformed).isGreaterThanOrEqualTo(60);
        assertThat(kinds).containsExactlyInAnyOrder(FileKind.values());
        assertThat(rows.stream().filter(row -> row[1].isBlank())).as("clean controls").isNotEmpty();
    }

    @Test
    void committedCorpusIsExactlyWhatTheGeneratorWrites(@TempDir Path generated) throws IOException {
        MalformedCorpus.write(generated);
        // The source folder, not the build's copy, which keeps files deleted from the source.
        Path committed = Path.of(SOURCE_FOLDER);

        assertThat(listing(committed)).isEqualTo(listing(generated));
        for (String path : listing(generated)) {
            assertThat(Files.readAllBytes(committed.resolve(path))).as(path)
                    .isEqualTo(Files.readAllBytes(generated.resolve(path)));
        }
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(path -> root.relativize(path).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
