package jp.renkei.ingest.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import jp.renkei.ingest.demo.DemoNation;
import jp.renkei.ingest.demo.DemoNationConfig;
import jp.renkei.ingest.demo.DemoNationGenerator;
import jp.renkei.ingest.demo.DemoScale;
import jp.renkei.ingest.pseudonym.PseudonymKeyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code renkei-ingest demo-generate}: writes the seeded demo nation's input files. */
@Command(name = "demo-generate", mixinStandardHelpOptions = true,
        description = "Generates the demo nation: municipality master, office list, license roster, model regions, "
                + "effect reports, and standard files (past months archived for backfill, the latest for the relay).")
final class DemoGenerateCommand implements Callable<Integer> {
    private static final DemoNationConfig DEFAULTS = DemoNationConfig.embeddedDefault();

    @Option(names = "--output", required = true, description = "Folder to write into (created if missing).")
    Path output;

    @Option(names = "--seed", description = "Random seed; the same seed gives the same files (default ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @Option(names = "--scale", description = "small (鳥取・島根・岡山), prefecture (福岡県) or nation (all 47); "
            + "default ${DEFAULT-VALUE}.")
    DemoScale scale = DemoScale.SMALL;

    @Option(names = "--prefectures", split = ",", description = "Prefecture codes instead of a scale's, e.g. 13,14.")
    List<String> prefectures;

    @Option(names = "--last-month", description = "Reference month YYYY-MM (default ${DEFAULT-VALUE}).")
    YearMonth lastMonth = DEFAULTS.lastMonth();

    @Option(names = "--exchange-months", description = "Months of standard files ending at --last-month; 0 = all (default ${DEFAULT-VALUE}).")
    int exchangeMonths = DEFAULTS.exchangeMonths();

    @Option(names = "--relay-months", description = "How many of those months go to the outbox for the relay; the "
            + "earlier ones go to archive/ for renkei-ingest backfill (default ${DEFAULT-VALUE}).")
    int relayMonths = DEFAULTS.relayMonths();

    @Option(names = "--adoption-boost", description = "Multiplies every office's chance to have adopted, capped at "
            + "certainty: 1 = the national figures (default), 1000 = every in-scope office (the mart benchmark's full "
            + "adoption).")
    double adoptionBoost = 1.0;

    @Option(names = "--home", description = "Also create this RENKEI_HOME's pseudonym key if it has none (never in the repo).")
    Path home;

    @Override
    public Integer call() throws Exception {
        if (home != null) {
            System.out.println("pseudonym key: " + PseudonymKeyStore.createIfMissing(home));
        }
        DemoNationConfig config = new DemoNationConfig(seed, prefectures == null ? scale.prefectureCodes() : prefectures,
                1.0, adoptionBoost, DEFAULTS.firstMonth(), lastMonth, exchangeMonths, relayMonths);
        ConsoleProgress progress = new ConsoleProgress("demo files");
        DemoNation nation = new DemoNationGenerator().generate(config, output, progress::update);
        progress.done();
        System.out.println("demo nation: " + nation.summary());
        System.out.println("  office list:   " + nation.officeList());
        System.out.println("  license roster: " + nation.applicationRoster());
        System.out.println("  model regions: " + nation.modelRegions());
        System.out.println("  effect reports: " + nation.effectReports());
        System.out.println("  card rollout:  " + nation.cardRollout());
        System.out.println("  archive:       " + nation.archive() + " (renkei-ingest backfill)");
        System.out.println("  outbox:        " + nation.outbox() + " (the relay)");
        return 0;
    }
}
