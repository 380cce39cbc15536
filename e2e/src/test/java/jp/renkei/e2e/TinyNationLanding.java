package jp.renkei.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.renkei.ingest.cli.IngestCommand;
import jp.renkei.ingest.demo.DemoNation;
import jp.renkei.ingest.demo.DemoNationConfig;
import jp.renkei.ingest.demo.DemoNationGenerator;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.pseudonym.PseudonymKeyStore;
import picocli.CommandLine;

/**
 * A tiny demo nation generated into {@code home/demo-input} and landed the way {@code bin/renkei demo} lands it:
 * every reference dataset through {@code renkei-ingest land}, the history archive through {@code backfill}. The relay
 * months stay in the outbox for a test that sends them.
 */
final class TinyNationLanding {

    private TinyNationLanding() {
    }

    static DemoNation generateAndLand(Path home, long seed) throws IOException, InputRejectedException {
        DemoNation nation = new DemoNationGenerator()
                .generate(DemoNationConfig.tiny(seed), home.resolve("demo-input"), status -> { });
        PseudonymKeyStore.createIfMissing(home);
        land(home, "municipalities", nation.municipalityMaster());
        land(home, "offices", nation.officeList());
        land(home, "applications", nation.applicationRoster());
        land(home, "model_regions", nation.modelRegions());
        land(home, "effect_reports", nation.effectReports());
        land(home, "card_rollout", nation.cardRollout());
        backfill(home, nation.archive());
        return nation;
    }

    private static void land(Path home, String dataset, Path file) {
        int exit = new CommandLine(new IngestCommand()).execute("land", dataset, "--home", home.toString(), file.toString());
        assertThat(exit).as("renkei-ingest land %s %s", dataset, file).isZero();
    }

    private static void backfill(Path home, Path archive) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("backfill", "--home", home.toString()));
        try (Stream<Path> archives = Files.list(archive)) {
            archives.sorted().forEach(zip -> arguments.add(zip.toString()));
        }
        assertThat(arguments).as("history archives of the tiny nation").hasSizeGreaterThan(3);
        int exit = new CommandLine(new IngestCommand()).execute(arguments.toArray(String[]::new));
        assertThat(exit).as("renkei-ingest %s", arguments).isZero();
    }
}
