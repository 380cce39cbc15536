package jp.renkei.relay.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import jp.renkei.ingest.application.Application;
import jp.renkei.ingest.application.ApplicationRoster;
import jp.renkei.relay.server.RelayConfig;

/** The license roster a harness's relay delivers to: each office with its service type, licensed since 2025-04. */
final class BenchRoster {
    private static final LocalDate LICENSED = LocalDate.of(2025, 4, 1);

    private BenchRoster() {
    }

    /** Writes the roster of the relay of RENKEI_HOME {@code home}: office number → service type, in order. */
    static void write(Path home, Map<String, String> serviceTypeByOffice) throws IOException {
        Path roster = RelayConfig.load(home, new Properties(), Map.of()).registryRoster();
        Files.createDirectories(roster.getParent());
        try (Writer writer = Files.newBufferedWriter(roster)) {
            ApplicationRoster.write(writer, serviceTypeByOffice.entrySet().stream()
                    .map(office -> new Application(office.getKey(), office.getValue(), LICENSED, LICENSED, null,
                            Application.Plan.PAID))
                    .toList());
        }
    }
}
