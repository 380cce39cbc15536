package jp.renkei.ingest.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.renkei.ingest.landing.LandingUpgrade;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code renkei-ingest landing-upgrade}: moves a landing zone written before {@code schedule_lines} was partitioned
 * by month into today's layout (docs/landing-zone.md, "Upgrading a landing zone"). The Spark job refuses the old
 * layout and names this command.
 */
@Command(name = "landing-upgrade", mixinStandardHelpOptions = true,
        description = "Moves schedule_lines parts of the layout before months (schedule_lines/dt=…/) into "
                + "schedule_lines/month=…/dt=…/, keeping each part's landing date, id and time. Safe to stop and repeat.")
final class LandingUpgradeCommand implements Callable<Integer> {

    @Option(names = "--home", description = "RENKEI_HOME whose landing/ to upgrade (default: $RENKEI_HOME or ./.renkei).")
    Path home = IngestCommand.defaultHome();

    @Option(names = "--landing", paramLabel = "DIR",
            description = "The landing zone itself, when it is not <home>/landing (e.g. the folder given to mart-benchmark).")
    Path landingFolder;

    @Override
    public Integer call() throws IOException {
        Path landing = landingFolder != null ? landingFolder : home.resolve("landing");
        LandingUpgrade upgrade = new LandingUpgrade(landing);
        ConsoleProgress progress = new ConsoleProgress("landing upgrade");
        LandingUpgrade.Result result = upgrade.run((part, done, total, rows) ->
                progress.update(String.format("%,d/%,d old parts, %,d rows moved", done, total, rows)));
        if (result.oldParts() == 0) {
            System.out.printf("landing-upgrade: %s is already in the current layout; nothing to do%n", landing);
            return 0;
        }
        progress.done();
        System.out.printf("landing-upgrade: %,d old part(s) of %s split into %,d part(s) by month, %,d rows moved%n",
                result.oldParts(), landing, result.newParts(), result.rows());
        return 0;
    }
}
