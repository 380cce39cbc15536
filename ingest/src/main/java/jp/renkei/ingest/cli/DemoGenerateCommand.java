package jp.renkei.ingest.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import jp.renkei.ingest.demo.DemoNation;
import jp.renkei.ingest.demo.DemoNationConfig;
import jp.renkei.ingest.demo.DemoNationGenerator;
import jp.renkei.ingest.pseudonym.PseudonymKeyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code renkei-ingest demo-generate}: writes the seeded demo nation's input files. */
@Command(name = "demo-generate", mixinStandardHelpOptions = true,
        description = "Generates the demo nation: office list, license roster, municipality master and standard files.")
final class DemoGenerateCommand implements Callable<Integer> {
    private static final DemoNationConfig DEFAULTS = DemoNationConfig.embeddedDefault();

    @Option(names = "--output", required = true, description = "Folder to write into (created if missing).")
    Path output;

    @Option(names = "--seed", description = "Random seed; the same seed gives the same files (default ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @Option(names = "--prefectures", split = ",", description = "Prefecture codes (default 31,32,33: 鳥取・島根・岡山).")
    List<String> prefectures = DEFAULTS.prefectureCodes();

    @Option(names = "--offices", description = "Number of offices (default ${DEFAULT-VALUE}).")
    int offices = DEFAULTS.officeCount();

    @Option(names = "--last-month", description = "Reference month YYYY-MM (default ${DEFAULT-VALUE}).")
    YearMonth lastMonth = DEFAULTS.lastMonth();

    @Option(names = "--exchange-months", description = "Months of standard files ending at --last-month; 0 = all (default ${DEFAULT-VALUE}).")
    int exchangeMonths = DEFAULTS.exchangeMonths();

    @Option(names = "--home", description = "Also create this RENKEI_HOME's pseudonym key if it has none (never in the repo).")
    Path home;

    @Override
    public Integer call() throws Exception {
        if (home != null) {
            System.out.println("pseudonym key: " + PseudonymKeyStore.createIfMissing(home));
        }
        DemoNationConfig config = new DemoNationConfig(seed, prefectures, offices, DEFAULTS.firstMonth(), lastMonth,
                exchangeMonths);
        ConsoleProgress progress = new ConsoleProgress("demo files");
        DemoNation nation = new DemoNationGenerator().generate(config, output, progress::update);
        progress.done();
        System.out.println("demo nation: " + nation.summary());
        System.out.println("  office list:   " + nation.officeList());
        System.out.println("  license roster: " + nation.applicationRoster());
        System.out.println("  outbox:        " + nation.outbox());
        return 0;
    }
}
