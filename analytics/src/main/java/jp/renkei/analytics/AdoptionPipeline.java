package jp.renkei.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.max;

import java.io.PrintStream;
import java.time.Clock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.analytics.io.JobStorage;
import jp.renkei.analytics.io.LandingReader;
import jp.renkei.analytics.marts.adoption.MonthRange;
import jp.renkei.analytics.marts.adoption.MunicipalAdoptionTransform;
import jp.renkei.analytics.marts.adoption.MunicipalServiceAdoptionTransform;
import jp.renkei.analytics.marts.adoption.PrefectureAdoptionTransform;
import jp.renkei.analytics.marts.agreement.CurrentScheduleLines;
import jp.renkei.analytics.marts.agreement.PlanActualAgreementTransform;
import jp.renkei.analytics.marts.cardcheck.CardCheckActivityTransform;
import jp.renkei.analytics.marts.improvement.ImprovementTransform;
import jp.renkei.analytics.marts.partner.NetworkMeasuresTransform;
import jp.renkei.analytics.marts.partner.PartnerOpportunitiesTransform;
import jp.renkei.analytics.marts.partner.PlanLinks;
import jp.renkei.analytics.marts.partner.RecruitmentScenariosTransform;
import jp.renkei.analytics.marts.region.ModelRegionEffectTransform;
import jp.renkei.analytics.marts.savings.OfficeSavingsTransform;
import jp.renkei.analytics.publish.IncrementalBase;
import jp.renkei.analytics.publish.MartPublisher;
import jp.renkei.analytics.publish.RunId;
import jp.renkei.analytics.quality.AdoptionChecks;
import jp.renkei.analytics.quality.CardCheckChecks;
import jp.renkei.analytics.quality.ContractChecks;
import jp.renkei.analytics.io.InputWatermark;
import jp.renkei.analytics.publish.RunManifest;
import jp.renkei.analytics.quality.DataQualityException;
import jp.renkei.analytics.quality.InputFreshness;
import jp.renkei.analytics.quality.QualityCheck;
import jp.renkei.analytics.quality.QualityFinding;
import jp.renkei.analytics.staging.LandingStaging;
import jp.renkei.analytics.staging.StagedLanding;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.marts.Mart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One run of the marts on a given session ({@code municipal_adoption}, {@code prefecture_adoption},
 * {@code municipal_service_adoption}, {@code card_check_activity}, {@code model_region_effect}, {@code improvement_office}, {@code improvement_curve}): read → stage → input checks → transforms → output checks → publish. Nothing is
 * written unless every check passed.
 */
public final class AdoptionPipeline {

    static final double MINIMUM_SHARE_OF_PREVIOUS = 0.5;

    private final SparkSession spark;
    private final AdoptionJobConfig config;
    private final Progress progress;
    private final Clock clock;

    public AdoptionPipeline(SparkSession spark, AdoptionJobConfig config, PrintStream progressOut, Clock clock) {
        this.spark = spark;
        this.config = config;
        this.progress = new Progress(progressOut);
        this.clock = clock;
    }

    /**
     * What a successful run published, or — {@code published} false — the current run it left in place because it
     * had the same request and read the same landing parts.
     */
    public record Result(String runId, boolean published, MonthRange months, long municipalRows, long prefectureRows,
                         long cardCheckRows, long modelRegionRows, long improvementOfficeRows) {

        static Result unchanged(RunManifest current) {
            return new Result(current.runId(), false, new MonthRange(current.fromMonth(), current.toMonth()),
                    current.rows(Mart.MUNICIPAL_ADOPTION.folder()), current.rows(Mart.PREFECTURE_ADOPTION.folder()),
                    current.rows(Mart.CARD_CHECK_ACTIVITY.folder()), current.rows(Mart.MODEL_REGION_EFFECT.folder()),
                    current.rows(Mart.IMPROVEMENT_OFFICE.folder()));
        }
    }

    public Result run() {
        String runId = config.runId().orElseGet(() -> RunId.next(clock.instant()));
        progress.line("adoption run %s, home %s", runId, config.home());
        LandingReader landing = new LandingReader(spark, config.landingRoot());
        Map<LandingDataset, InputWatermark> watermarks = new EnumMap<>(LandingDataset.class);
        for (LandingDataset dataset : LandingDataset.values()) {
            watermarks.put(dataset, landing.watermark(dataset));
        }
        ObjectNode request = request();
        JobStorage storage = new JobStorage(spark.sparkContext().hadoopConfiguration());
        MartPublisher publisher = new MartPublisher(config.martsRoot(), storage, config.keepRuns());
        Optional<RunManifest> current = publisher.commonCurrent(Arrays.stream(Mart.values()).map(Mart::folder).toList())
                .flatMap(published -> RunManifest.read(storage, config.martsRoot(), published));
        Optional<RunManifest> unchanged = config.force() ? Optional.empty()
                : current.filter(published -> published.sameInput(request, watermarks));
        if (unchanged.isPresent()) {
            progress.line("nothing to publish: run %s had the same request and read the same landing parts "
                    + "(--force rebuilds anyway)", unchanged.get().runId());
            return Result.unchanged(unchanged.get());
        }
        List<Dataset<Row>> cached = new ArrayList<>();
        try {
            StagedLanding staged = stage(cached);
            Dataset<Row> cardChecks = stageOne(LandingDataset.CARD_CHECKS, LandingStaging.cardChecks(
                    landing.read(LandingDataset.CARD_CHECKS)), cached);
            Dataset<Row> effectReports = stageOne(LandingDataset.EFFECT_REPORTS,
                    LandingStaging.effectReports(landing.read(LandingDataset.EFFECT_REPORTS)), cached);
            Dataset<Row> modelRegions = stageOne(LandingDataset.MODEL_REGIONS,
                    LandingStaging.modelRegions(landing.read(LandingDataset.MODEL_REGIONS)), cached);
            List<QualityCheck> inputChecks = new ArrayList<>(AdoptionChecks.inputs(staged));
            inputChecks.addAll(CardCheckChecks.inputs(cardChecks));
            enforce("input checks", inputChecks);

            MonthRange months = months(staged);
            progress.line("months %s to %s", months.from(), months.to());
            enforce("input freshness", InputFreshness.checks(dataset -> Optional.ofNullable(
                    watermarks.get(dataset).latestDt()).map(LocalDate::parse), months.to()));

            IncrementalBase.Decision decision = config.force()
                    ? new IncrementalBase.Decision(Optional.empty(), "--force rebuilds every month")
                    : IncrementalBase.decide(current, request, watermarks, landing);
            Optional<Kept> kept = decision.base().flatMap(base -> firstChangedMonth(base, landing, months)
                    .map(from -> new Kept(base.base().runId(), from, publisher)));
            MonthRange computed = kept.map(earlier -> new MonthRange(earlier.from(), months.to())).orElse(months);
            if (kept.isPresent()) {
                progress.line("incremental: months %s to %s recomputed; earlier months kept from run %s (%s)",
                        computed.from(), computed.to(), kept.get().baseRunId(), decision.reason());
            } else {
                progress.line("every month recomputed: %s", decision.base().isPresent()
                        ? "the changed months start at the first month" : decision.reason());
            }

            Dataset<Row> municipal = progress.stage("transform " + MunicipalAdoptionTransform.MART,
                    () -> persist(keep(kept, Mart.MUNICIPAL_ADOPTION, MunicipalAdoptionTransform.apply(staged.offices(),
                            staged.municipalities(), staged.applications(), staged.exchanges(), computed)), cached),
                    frame -> frame.count() + " rows");
            Dataset<Row> prefecture = progress.stage("transform " + PrefectureAdoptionTransform.MART,
                    () -> persist(PrefectureAdoptionTransform.apply(municipal), cached),
                    frame -> frame.count() + " rows");
            Dataset<Row> municipalService = progress.stage("transform " + MunicipalServiceAdoptionTransform.MART.folder(),
                    () -> persist(keep(kept, Mart.MUNICIPAL_SERVICE_ADOPTION, MunicipalServiceAdoptionTransform.apply(
                            staged.offices(), staged.municipalities(), staged.applications(), staged.exchanges(),
                            computed)), cached),
                    frame -> frame.count() + " rows");
            Dataset<Row> cardCheckActivity = progress.stage("transform " + CardCheckActivityTransform.MART,
                    () -> persist(CardCheckActivityTransform.apply(cardChecks, staged.offices(),
                            staged.municipalities()), cached),
                    frame -> frame.count() + " rows");
            Dataset<Row> modelRegionEffect = progress.stage("transform " + Mart.MODEL_REGION_EFFECT.folder(),
                    () -> persist(keep(kept, Mart.MODEL_REGION_EFFECT, ModelRegionEffectTransform.apply(modelRegions,
                            staged.offices(), staged.applications(), staged.exchanges(), computed)), cached),
                    frame -> frame.count() + " rows");
            Dataset<Row> officeSavings = progress.stage("transform " + Mart.OFFICE_SAVINGS.folder(),
                    () -> persist(keep(kept, Mart.OFFICE_SAVINGS, OfficeSavingsTransform.apply(staged.exchanges(),
                            staged.offices(), effectReports, staged.applications(), config.savingsModel(), computed)),
                            cached),
                    frame -> frame.count() + " rows");
            // The lines that count, read and decided once for the two marts that read lines (CurrentScheduleLines),
            // and kept: a line in the plans to several addressees is one row here, so this is smaller than the lines
            // read (persisting the raw lines instead spilled 41 GB at the nation's 118 M; docs/demo-nation.md).
            Dataset<Row> currentLines = progress.stage("current schedule lines",
                    () -> persist(CurrentScheduleLines.apply(
                            LandingStaging.scheduleLines(landing.readMonths(LandingDataset.SCHEDULE_LINES,
                                    computed.months())),
                            staged.exchanges(), computed), cached),
                    frame -> frame.count() + " lines");
            Dataset<Row> agreement = progress.stage("transform " + Mart.PLAN_ACTUAL_AGREEMENT.folder(),
                    () -> persist(keep(kept, Mart.PLAN_ACTUAL_AGREEMENT,
                            PlanActualAgreementTransform.fromCurrentLines(currentLines)), cached),
                    frame -> frame.count() + " rows");
            Dataset<Row> planLinks = progress.stage("transform plan links",
                    () -> persist(PlanLinks.fromCurrentLines(currentLines, staged.applications()), cached),
                    frame -> frame.count() + " office pairs");
            Dataset<Row> partnerOpportunities = progress.stage("transform " + Mart.PARTNER_OPPORTUNITIES.folder(),
                    () -> persist(keep(kept, Mart.PARTNER_OPPORTUNITIES, PartnerOpportunitiesTransform.opportunities(
                            planLinks, staged.offices(), config.savingsModel())), cached),
                    frame -> frame.count() + " rows");
            Dataset<Row> partnerMostWanted = progress.stage("transform " + Mart.PARTNER_MOST_WANTED.folder(),
                    () -> persist(PartnerOpportunitiesTransform.mostWanted(partnerOpportunities), cached),
                    frame -> frame.count() + " rows");
            Dataset<Row> recruitmentScenarios = progress.stage("transform " + Mart.RECRUITMENT_SCENARIOS.folder(),
                    () -> persist(keep(kept, Mart.RECRUITMENT_SCENARIOS, RecruitmentScenariosTransform.apply(
                            partnerMostWanted, planLinks, municipal.where(col("month").geq(computed.from().toString())),
                            modelRegionEffect, staged.offices(), modelRegions, computed)), cached),
                    frame -> frame.count() + " rows");
            Dataset<Row> networkMeasures = progress.stage("transform " + Mart.NETWORK_MEASURES.folder(),
                    () -> persist(keep(kept, Mart.NETWORK_MEASURES, NetworkMeasuresTransform.apply(planLinks,
                            staged.exchanges(), staged.offices(), staged.applications(), modelRegions, computed)),
                            cached),
                    frame -> frame.count() + " rows");
            Dataset<Row> improvementOffice = progress.stage("transform " + Mart.IMPROVEMENT_OFFICE.folder(),
                    () -> persist(ImprovementTransform.offices(effectReports, staged.applications()), cached),
                    frame -> frame.count() + " rows");
            Dataset<Row> improvementCurve = progress.stage("transform " + Mart.IMPROVEMENT_CURVE.folder(),
                    () -> persist(ImprovementTransform.curve(improvementOffice), cached),
                    frame -> frame.count() + " rows");
            List<QualityCheck> outputChecks = new ArrayList<>(AdoptionChecks.outputs(municipal, prefecture));
            outputChecks.addAll(CardCheckChecks.outputs(cardCheckActivity));
            outputChecks.addAll(ContractChecks.outputs(Mart.MUNICIPAL_SERVICE_ADOPTION, municipalService));
            outputChecks.addAll(ContractChecks.outputs(Mart.MODEL_REGION_EFFECT, modelRegionEffect));
            outputChecks.addAll(ContractChecks.outputs(Mart.OFFICE_SAVINGS, officeSavings));
            outputChecks.addAll(ContractChecks.outputs(Mart.PLAN_ACTUAL_AGREEMENT, agreement));
            outputChecks.addAll(ContractChecks.outputs(Mart.IMPROVEMENT_OFFICE, improvementOffice));
            outputChecks.addAll(ContractChecks.outputs(Mart.IMPROVEMENT_CURVE, improvementCurve));
            outputChecks.addAll(ContractChecks.outputs(Mart.PARTNER_OPPORTUNITIES, partnerOpportunities));
            outputChecks.addAll(ContractChecks.outputs(Mart.PARTNER_MOST_WANTED, partnerMostWanted));
            outputChecks.addAll(ContractChecks.outputs(Mart.RECRUITMENT_SCENARIOS, recruitmentScenarios));
            outputChecks.addAll(ContractChecks.outputs(Mart.NETWORK_MEASURES, networkMeasures));
            enforce("output checks", outputChecks);

            Map<String, MartPublisher.Mart> marts = new LinkedHashMap<>();
            marts.put(MunicipalAdoptionTransform.MART,
                    new MartPublisher.Mart(municipal, MunicipalAdoptionTransform.KEY));
            marts.put(PrefectureAdoptionTransform.MART,
                    new MartPublisher.Mart(prefecture, PrefectureAdoptionTransform.KEY));
            marts.put(Mart.MUNICIPAL_SERVICE_ADOPTION.folder(),
                    new MartPublisher.Mart(municipalService, Mart.MUNICIPAL_SERVICE_ADOPTION.key()));
            marts.put(CardCheckActivityTransform.MART,
                    new MartPublisher.Mart(cardCheckActivity, CardCheckActivityTransform.KEY));
            marts.put(Mart.MODEL_REGION_EFFECT.folder(),
                    new MartPublisher.Mart(modelRegionEffect, Mart.MODEL_REGION_EFFECT.key()));
            marts.put(Mart.OFFICE_SAVINGS.folder(), new MartPublisher.Mart(officeSavings, Mart.OFFICE_SAVINGS.key()));
            marts.put(Mart.PLAN_ACTUAL_AGREEMENT.folder(),
                    new MartPublisher.Mart(agreement, Mart.PLAN_ACTUAL_AGREEMENT.key()));
            marts.put(Mart.IMPROVEMENT_OFFICE.folder(),
                    new MartPublisher.Mart(improvementOffice, Mart.IMPROVEMENT_OFFICE.key()));
            marts.put(Mart.IMPROVEMENT_CURVE.folder(),
                    new MartPublisher.Mart(improvementCurve, Mart.IMPROVEMENT_CURVE.key()));
            for (Map.Entry<Mart, Dataset<Row>> partner : Map.of(Mart.PARTNER_OPPORTUNITIES, partnerOpportunities,
                    Mart.PARTNER_MOST_WANTED, partnerMostWanted, Mart.RECRUITMENT_SCENARIOS, recruitmentScenarios,
                    Mart.NETWORK_MEASURES, networkMeasures).entrySet()) {
                marts.put(partner.getKey().folder(), new MartPublisher.Mart(partner.getValue(), partner.getKey().key()));
            }
            enforce("row counts against the published runs", shrinkChecks(publisher, marts));
            Map<String, Long> rows = new LinkedHashMap<>();
            marts.forEach((name, mart) -> rows.put(name, mart.frame().count()));
            RunManifest manifest = RunManifest.of(runId, clock.instant(), request, months.from(), months.to(),
                    watermarks, rows);
            kept.ifPresent(earlier -> manifest.incremental(earlier.baseRunId(), earlier.from()));
            progress.stage("publish", () -> publisher.publish(runId, marts, manifest),
                    folders -> "_CURRENT = " + runId + " for " + String.join(", ", folders.keySet()));
            return new Result(runId, true, months, rows.get(Mart.MUNICIPAL_ADOPTION.folder()),
                    rows.get(Mart.PREFECTURE_ADOPTION.folder()), rows.get(Mart.CARD_CHECK_ACTIVITY.folder()),
                    rows.get(Mart.MODEL_REGION_EFFECT.folder()), rows.get(Mart.IMPROVEMENT_OFFICE.folder()));
        } finally {
            cached.forEach(Dataset::unpersist);
        }
    }

    /** The base run whose months before {@code from} this run keeps. */
    private record Kept(String baseRunId, YearMonth from, MartPublisher publisher) {
    }

    /**
     * The mart as published: the base run's rows of the months before the recomputed ones, then this run's rows of
     * the recomputed months (a transform may compute a month before them as a baseline; the base run's row stays).
     */
    private Dataset<Row> keep(Optional<Kept> kept, Mart mart, Dataset<Row> recomputed) {
        if (kept.isEmpty()) {
            return recomputed;
        }
        String from = kept.get().from().toString();
        Dataset<Row> earlier = spark.read()
                .parquet(kept.get().publisher().runFolder(mart.folder(), kept.get().baseRunId()).toString())
                .where(col("month").lt(from));
        return earlier.unionByName(recomputed.where(col("month").geq(from)));
    }

    /**
     * The first month to recompute over the base: the earliest 対象年月 among exchanges landed after its watermark, or
     * the month after its last, or this run's last month — whichever is earliest. Empty (recompute everything) when that
     * is the first month, or when the base covered other months.
     */
    private Optional<YearMonth> firstChangedMonth(IncrementalBase base, LandingReader landing, MonthRange months) {
        if (!base.base().fromMonth().equals(months.from()) || months.to().isBefore(base.base().toMonth())) {
            return Optional.empty();
        }
        YearMonth first = months.to();
        if (months.to().isAfter(base.base().toMonth())) {
            first = min(first, base.base().toMonth().plusMonths(1));
        }
        Dataset<Row> raw = landing.read(LandingDataset.EXCHANGES);
        if (base.exchangesAfter() != null) {
            // Spark holds a file's time in microseconds: compare at that precision, or the base's newest part would
            // look newer than itself.
            java.time.Instant after = base.exchangesAfter().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            raw = raw.where(col(LandingReader.LANDED_AT).gt(org.apache.spark.sql.functions.lit(
                    java.sql.Timestamp.from(after))));
        }
        Row earliest = LandingStaging.exchanges(raw).where(LandingStaging.isYearMonth(col("target_month"))
                .and(col("target_month").isin(months.months().toArray()))).agg(org.apache.spark.sql.functions.min(
                        "target_month")).first();
        if (!earliest.isNullAt(0)) {
            first = min(first, YearMonth.parse(earliest.getString(0)));
        }
        return first.isAfter(months.from()) ? Optional.of(first) : Optional.empty();
    }

    private static YearMonth min(YearMonth one, YearMonth other) {
        return one.isBefore(other) ? one : other;
    }

    /**
     * What this run is asked for, in the terms that decide its output: the months asked for (not the ones a default
     * resolves to: those follow from the input), the savings model and the marts' contract.
     */
    private ObjectNode request() {
        ObjectNode request = RunManifest.newRequest();
        request.put("from_month", config.fromMonth().toString());
        request.put("to_month", config.toMonth().map(YearMonth::toString).orElse("latest"));
        request.put("savings_model", config.savingsModel().toString());
        request.put("contract", Mart.contractFingerprint());
        return request;
    }

    /**
     * ANA-DQ-014: no mart may fall below {@value #MINIMUM_SHARE_OF_PREVIOUS} of its published run's rows. Marts grow
     * month by month; a fall that steep means lost input, and the published run stays.
     */
    private List<QualityCheck> shrinkChecks(MartPublisher publisher, Map<String, MartPublisher.Mart> marts) {
        List<QualityCheck> checks = new ArrayList<>();
        for (Map.Entry<String, MartPublisher.Mart> mart : marts.entrySet()) {
            Optional<String> published = publisher.current(mart.getKey());
            if (published.isEmpty()) {
                continue;
            }
            long previousRows = spark.read().parquet(publisher.runFolder(mart.getKey(), published.get()).toString()).count();
            checks.add(QualityCheck.notShrunk("ANA-DQ-014", mart.getKey() + ".not_shrunk", mart.getValue().frame(),
                    previousRows, MINIMUM_SHARE_OF_PREVIOUS, "The new run has far fewer rows than run " + published.get()
                            + ": check that every input dataset is in the landing zone, then rerun. To publish a "
                            + "smaller mart on purpose, remove its _CURRENT first."));
        }
        return checks;
    }

    private StagedLanding stage(List<Dataset<Row>> cached) {
        LandingReader reader = new LandingReader(spark, config.landingRoot());
        Dataset<Row> municipalities = stageOne(LandingDataset.MUNICIPALITIES,
                LandingStaging.municipalities(reader.read(LandingDataset.MUNICIPALITIES)), cached);
        Dataset<Row> offices = stageOne(LandingDataset.OFFICES,
                LandingStaging.offices(reader.read(LandingDataset.OFFICES)), cached);
        Dataset<Row> applications = stageOne(LandingDataset.APPLICATIONS,
                LandingStaging.applications(reader.read(LandingDataset.APPLICATIONS)), cached);
        Dataset<Row> exchanges = stageOne(LandingDataset.EXCHANGES,
                LandingStaging.exchanges(reader.read(LandingDataset.EXCHANGES)), cached);
        return new StagedLanding(municipalities, offices, applications, exchanges);
    }

    private Dataset<Row> stageOne(LandingDataset dataset, Dataset<Row> staged, List<Dataset<Row>> cached) {
        return progress.stage("stage " + dataset.directoryName(), () -> persist(staged, cached),
                frame -> frame.count() + " rows");
    }

    private void enforce(String stage, List<QualityCheck> checks) {
        List<QualityFinding> findings = progress.stage(stage, () -> {
            List<QualityFinding> found = new ArrayList<>();
            for (QualityCheck check : checks) {
                check.evaluate().ifPresent(found::add);
            }
            return found;
        }, found -> (checks.size() - found.size()) + "/" + checks.size() + " passed");
        findings.forEach(finding -> progress.line("FAILED %s", finding.message()));
        if (!findings.isEmpty()) {
            throw new DataQualityException(findings);
        }
    }

    private MonthRange months(StagedLanding staged) {
        YearMonth to = config.toMonth().or(() -> latestMonth(staged)).orElseThrow(() -> new JobArgumentException(
                "ANA-ARG-002", "cannot choose --to-month: no exchanges and no applications have landed; pass it"));
        if (config.fromMonth().isAfter(to)) {
            throw new JobArgumentException("ANA-ARG-001",
                    "--from-month " + config.fromMonth() + " is after --to-month " + to);
        }
        return new MonthRange(config.fromMonth(), to);
    }

    /** The latest valid exchanges.target_month, else the month of the latest applications.applied_on. */
    private static Optional<YearMonth> latestMonth(StagedLanding staged) {
        Row exchanges = staged.exchanges().where(LandingStaging.isYearMonth(col("target_month")))
                .agg(max("target_month")).first();
        if (!exchanges.isNullAt(0)) {
            return Optional.of(YearMonth.parse(exchanges.getString(0)));
        }
        Row applications = staged.applications().agg(max(date_format(col("applied_on"), "yyyy-MM"))).first();
        return applications.isNullAt(0) ? Optional.empty() : Optional.of(YearMonth.parse(applications.getString(0)));
    }

    private static Dataset<Row> persist(Dataset<Row> frame, List<Dataset<Row>> cached) {
        Dataset<Row> persisted = frame.persist();
        cached.add(persisted);
        return persisted;
    }
}
