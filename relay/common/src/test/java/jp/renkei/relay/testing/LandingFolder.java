package jp.renkei.relay.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.renkei.ingest.landing.LandingDataset;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the landing zone the way analytics does: every visible part of a dataset, rows keyed by column. */
public final class LandingFolder {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private LandingFolder() {
    }

    /** The visible parts of {@code dataset} (names starting with "." or "_" are skipped), in path order. */
    public static List<Path> parts(Path landingRoot, LandingDataset dataset) throws IOException {
        Path folder = landingRoot.resolve(dataset.directoryName());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> !file.getFileName().toString().startsWith("_"))
                    .sorted()
                    .toList();
        }
    }

    public static List<Map<String, String>> rows(Path landingRoot, LandingDataset dataset) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Path part : parts(landingRoot, dataset)) {
            try (Reader reader = Files.newBufferedReader(part, StandardCharsets.UTF_8);
                 CSVParser parser = FORMAT.parse(reader)) {
                if (!parser.getHeaderNames().equals(dataset.columns())) {
                    throw new AssertionError(part + " has the header " + parser.getHeaderNames() + ", not " + dataset.columns());
                }
                for (CSVRecord record : parser) {
                    rows.add(record.toMap());
                }
            }
        }
        return rows;
    }

    /** Every file under the landing root, hidden ones included. */
    public static List<Path> everyFile(Path landingRoot) throws IOException {
        if (!Files.exists(landingRoot)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(landingRoot)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
