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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import jp.renkei.ingest.application.Application;
import jp.renkei.ingest.csv.BomSkippingReader;
import jp.renkei.ingest.application.ApplicationRoster;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.municipality.Municipality;
import jp.renkei.ingest.municipality.MunicipalityMaster;
import jp.renkei.ingest.officelist.OfficeListWriter;
import jp.renkei.ingest.reports.CardRolloutFile;
import jp.renkei.ingest.reports.EffectReport;
import jp.renkei.ingest.reports.EffectReportFile;
import jp.renkei.ingest.reports.ModelRegionFile;
import jp.renkei.ingest.reports.ModelRegionMember;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Builds the demo nation into a folder: {@code municipalities/}, {@code offices/}, {@code applications/},
 * {@code model_regions/}, {@code effect_reports/}, {@code card_rollout/} (the inputs of {@code renkei-ingest land}),
 * {@code archive/} (past months' standard files and card-check logs for {@code renkei-ingest backfill}) and {@code outbox/<office>/} (the latest months' files
 * for the relay agent). Same seed, same bytes.
 */
public final class DemoNationGenerator {
    /** The CC0 master from data/reference, shipped on the classpath. */
    public static final String MASTER_RESOURCE = "/jp/renkei/ingest/reference/localgovjp-utf8.csv";

    public DemoNation generate(DemoNationConfig config, Path output, Consumer<String> progress)
            throws IOException, InputRejectedException {
        byte[] masterBytes = readMaster();
        MunicipalityMaster master = MunicipalityMaster.read("localgovjp-utf8.csv",
                new InputStreamReader(new ByteArrayInputStream(masterBytes), StandardCharsets.UTF_8));
        List<Municipality> nation = master.municipalities().stream().sorted(Comparator.comparing(Municipality::code))
                .toList();
        Map<String, Integer> ordinals = new HashMap<>();
        for (int i = 0; i < nation.size(); i++) {
            ordinals.put(nation.get(i).code(), i + 1);
        }
        Set<String> prefectures = Set.copyOf(config.prefectureCodes());
        List<Municipality> municipalities = nation.stream()
                .filter(municipality -> prefectures.contains(municipality.prefectureCode())).toList();
        if (municipalities.isEmpty()) {
            throw new IllegalArgumentException("No municipality has a prefecture code in " + config.prefectureCodes());
        }
        progress.accept("placing the nation's offices");
        List<ModelRegion> nationRegions = ModelRegionPlanner.plan(config.seed(), nation);
        List<DemoOffice> offices = new ArrayList<>();
        for (DemoOffice office : new NationPlacement(config.seed()).place(nation, nationRegions, config)) {
            if (prefectures.contains(office.prefectureCode()) && kept(config, office)) {
                offices.add(office);
            }
        }
        List<ModelRegion> regions = nationRegions.stream()
                .filter(region -> prefectures.contains(region.prefectureCode())).toList();

        Path masterCopy = writeMasterOfNation(output.resolve("municipalities").resolve("localgovjp-utf8.csv"),
                masterBytes, config.prefectureCodes());
        Path officeList = writeOfficeList(output.resolve("offices").resolve("jigyosho_demo.csv"), offices);
        List<Application> applications = applications(offices);
        Path roster = output.resolve("applications").resolve("applications.csv");
        Files.createDirectories(roster.getParent());
        try (Writer writer = Files.newBufferedWriter(roster, StandardCharsets.UTF_8)) {
            ApplicationRoster.write(writer, applications);
        }
        Path modelRegions = writeModelRegions(output.resolve("model_regions").resolve("model_regions.csv"), regions,
                offices);
        Path effectReports = output.resolve("effect_reports").resolve("effect_reports.csv");
        int reports = writeEffectReports(effectReports, offices, config);

        Path cardRollout = writeCardRollout(output.resolve("card_rollout").resolve("card_rollout.csv"), municipalities,
                config.seed());

        Path outbox = output.resolve("outbox");
        Path archive = output.resolve("archive");
        DemoExchangeWriter.Result exchanges;
        int archivedFiles;
        long cardCheckCount;
        try (DemoFileSink sink = new DemoFileSink(outbox, archive, config.firstRelayMonth());
                CardCheckHistory cardChecks = new CardCheckHistory(config.seed(), archive, config.lastMonth())) {
            Caseload caseload = new Caseload(config.seed(), new ServiceOfficeIndex(offices));
            exchanges = new DemoExchangeWriter(config, caseload, sink, cardChecks).write(offices, ordinals, progress);
            archivedFiles = sink.archivedFiles();
            cardCheckCount = cardChecks.checks();
        }
        return new DemoNation(masterCopy, officeList, roster, modelRegions, effectReports, cardRollout, outbox, archive,
                municipalities.size(), offices.size(), applications.size(), regions.size(), reports, exchanges.persons(),
                exchanges.linkedPairs(), exchanges.files(), archivedFiles, exchanges.scheduleLines(), cardCheckCount);
    }

    /** Small test nations keep a share of offices; the draw is the office's own, so the same offices stay. */
    private static boolean kept(DemoNationConfig config, DemoOffice office) {
        return config.officeFraction() >= 1
                || Draws.random(config.seed(), "kept", office.officeNumber()).nextDouble() < config.officeFraction();
    }

    /** Every municipality's 介護情報基盤 start month, as the portal publishes them. */
    private static Path writeCardRollout(Path file, List<Municipality> municipalities, long seed) throws IOException {
        List<CardRolloutFile.Start> starts = municipalities.stream()
                .map(municipality -> new CardRolloutFile.Start(municipality.code(),
                        CardRollout.startMonth(seed, municipality.code())))
                .toList();
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CardRolloutFile.write(writer, starts);
        }
        return file;
    }

    /** A region lists its municipalities and the in-scope offices in them. */
    private static Path writeModelRegions(Path file, List<ModelRegion> regions, List<DemoOffice> offices)
            throws IOException {
        List<ModelRegionMember> members = new ArrayList<>();
        for (ModelRegion region : regions) {
            Set<String> codes = new HashSet<>();
            for (Municipality municipality : region.municipalities()) {
                codes.add(municipality.code());
                members.add(member(region, ModelRegionMember.MemberType.MUNICIPALITY, municipality.code()));
            }
            offices.stream().filter(office -> office.inStandardScope() && codes.contains(office.municipality().code()))
                    .forEach(office -> members.add(member(region, ModelRegionMember.MemberType.OFFICE,
                            office.officeNumber())));
        }
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ModelRegionFile.write(writer, members);
        }
        return file;
    }

    private static ModelRegionMember member(ModelRegion region, ModelRegionMember.MemberType type, String code) {
        return new ModelRegionMember(region.prefectureCode(), region.regionId(), region.name(), region.budgetYen(),
                region.startMonth(), type, code);
    }

    private static int writeEffectReports(Path file, List<DemoOffice> offices, DemoNationConfig config)
            throws IOException {
        EffectReportModel model = new EffectReportModel(config.seed());
        List<EffectReport> reports = new ArrayList<>();
        for (DemoOffice office : offices) {
            reports.addAll(model.reports(office, config.lastMonth()));
        }
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            EffectReportFile.write(writer, reports);
        }
        return reports.size();
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
