package jp.renkei.ingest.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import jp.renkei.ingest.application.Application;
import jp.renkei.ingest.csv.BomSkippingReader;
import jp.renkei.ingest.application.ApplicationRoster;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.municipality.Municipality;
import jp.renkei.ingest.municipality.MunicipalityMaster;
import jp.renkei.ingest.officelist.OfficeListWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Builds the demo nation into a folder: {@code municipalities/}, {@code offices/}, {@code applications/} (the inputs
 * of {@code renkei ingest}) and {@code outbox/<office>/} (standard files for the relay agent). Same seed, same bytes.
 */
public final class DemoNationGenerator {
    /** The CC0 master from data/reference, shipped on the classpath. */
    public static final String MASTER_RESOURCE = "/jp/renkei/ingest/reference/localgovjp-utf8.csv";

    public DemoNation generate(DemoNationConfig config, Path output, Consumer<String> progress)
            throws IOException, InputRejectedException {
        byte[] masterBytes = readMaster();
        MunicipalityMaster master = MunicipalityMaster.read("localgovjp-utf8.csv",
                new InputStreamReader(new ByteArrayInputStream(masterBytes), StandardCharsets.UTF_8));
        List<Municipality> municipalities = master.municipalities().stream()
                .filter(municipality -> config.prefectureCodes().contains(municipality.prefectureCode()))
                .sorted(Comparator.comparing(Municipality::code))
                .toList();
        if (municipalities.isEmpty()) {
            throw new IllegalArgumentException("No municipality has a prefecture code in " + config.prefectureCodes());
        }
        Random random = new Random(config.seed());
        List<DemoOffice> offices = new DemoOfficeBuilder(config, random).build(municipalities);

        Path masterCopy = writeMasterOfNation(output.resolve("municipalities").resolve("localgovjp-utf8.csv"),
                masterBytes, config.prefectureCodes());
        Path officeList = writeOfficeList(output.resolve("offices").resolve("jigyosho_demo.csv"), offices);
        List<Application> applications = applications(offices);
        Path roster = output.resolve("applications").resolve("applications.csv");
        Files.createDirectories(roster.getParent());
        try (Writer writer = Files.newBufferedWriter(roster, StandardCharsets.UTF_8)) {
            ApplicationRoster.write(writer, applications);
        }
        Path outbox = output.resolve("outbox");
        DemoExchangeWriter.Result exchanges = new DemoExchangeWriter(config, random, outbox).write(offices, progress);
        return new DemoNation(masterCopy, officeList, roster, outbox, municipalities.size(), offices.size(),
                applications.size(), exchanges.linkedPairs(), exchanges.files(), exchanges.scheduleLines());
    }

    private static byte[] readMaster() throws IOException {
        try (InputStream input = DemoNationGenerator.class.getResourceAsStream(MASTER_RESOURCE)) {
            if (input == null) {
                throw new IOException("The municipality master " + MASTER_RESOURCE + " is missing from the classpath; "
                        + "rebuild the ingest module (it copies data/reference/*.csv)");
            }
            return input.readAllBytes();
        }
    }

    /**
     * The demo nation is its prefectures: it publishes the master's rows of those prefectures only (wards included),
     * so rankings are not padded with 1,700 municipalities that have no office at all.
     */
    private static Path writeMasterOfNation(Path file, byte[] masterBytes, List<String> prefectureCodes) throws IOException {
        Files.createDirectories(file.getParent());
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = format.parse(new BomSkippingReader(new InputStreamReader(
                        new ByteArrayInputStream(masterBytes), StandardCharsets.UTF_8)));
             Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
            printer.printRecord(parser.getHeaderNames());
            for (CSVRecord record : parser) {
                if (prefectureCodes.contains(record.get("lgcode").substring(0, 2))) {
                    printer.printRecord(record.toList());
                }
            }
            printer.flush();
        }
        return file;
    }

    private static Path writeOfficeList(Path file, List<DemoOffice> offices) throws IOException {
        Files.createDirectories(file.getParent());
        List<OfficeListWriter.Line> lines = new ArrayList<>();
        for (DemoOffice office : offices) {
            lines.add(new OfficeListWriter.Line(office.locationCode(), office.municipality().prefectureName(),
                    office.municipality().name(), office.name(), office.type().japaneseName(), office.officeNumber()));
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            OfficeListWriter.write(writer, lines);
        }
        return file;
    }

    /** Paid licenses run a year; フリーパス licenses (applied from 2025-06-01) renew automatically (no end date). */
    private static List<Application> applications(List<DemoOffice> offices) {
        java.time.LocalDate freePassStart = java.time.LocalDate.of(2025, 6, 1);
        return offices.stream().filter(DemoOffice::adopted)
                .sorted(Comparator.comparing(DemoOffice::appliedOn).thenComparing(DemoOffice::officeNumber))
                .map(office -> {
                    boolean freePass = !office.appliedOn().isBefore(freePassStart);
                    return new Application(office.officeNumber(), office.type().code(), office.appliedOn(),
                            office.licenseStart(), freePass ? null : office.licenseStart().plusYears(1).minusDays(1),
                            freePass ? Application.Plan.FREE_PASS : Application.Plan.PAID);
                })
                .toList();
    }
}
