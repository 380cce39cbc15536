package jp.renkei.relay.testing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import jp.renkei.ingest.application.Application;
import jp.renkei.ingest.application.ApplicationRoster;
import jp.renkei.ingest.pseudonym.PseudonymKeyStore;
import jp.renkei.relay.server.RelayConfig;

/**
 * A RENKEI_HOME in a temporary folder holding what a relay needs before its first start: the pseudonym key (also as
 * {@code secrets/pseudonym.key}, for a relay in a child process) and the license roster of the registered offices.
 * the office CA whose certificate the relay trusts. The relay creates its own TLS material on first start.
 */
public final class RelayHome {
    /** 32 bytes, fixed so that expected person keys can be computed in the test. */
    public static final byte[] PSEUDONYM_KEY =
            HexFormat.of().parseHex("7f3a9c0e5b21d8466ce1f0a2b7d93e58104c6a2fe9b835d07a1c4e6f28d05b93");

    private final Path root;

    private RelayHome(Path root) {
        this.root = root;
    }

    public static RelayHome create(Path root, String... registeredOffices) throws IOException {
        Path keyFile = PseudonymKeyStore.keyFile(root);
        // As a deployment keeps it: owner-only (a relay refuses a key others may read).
        jp.renkei.ingest.io.DurableFiles.writeSecret(keyFile,
                (HexFormat.of().formatHex(PSEUDONYM_KEY) + "\n").getBytes(StandardCharsets.US_ASCII));
        RelayHome home = new RelayHome(root);
        home.writeRoster(registeredOffices);
        RelayClient.installOfficeCa(root, root.resolve("relay"));
        return home;
    }

    /** Writes the license roster anew with exactly these offices; a relay reads it when it starts. */
    public void writeRoster(String... registeredOffices) throws IOException {
        Path roster = RelayConfig.load(root, new Properties(), Map.of()).registryRoster();
        Files.createDirectories(roster.getParent());
        LocalDate applied = LocalDate.of(2024, 6, 3);
        try (Writer writer = Files.newBufferedWriter(roster, StandardCharsets.UTF_8)) {
            ApplicationRoster.write(writer, Arrays.stream(registeredOffices)
                    .map(office -> new Application(office, "11", applied, applied.plusDays(7), null, Application.Plan.PAID))
                    .toList());
        }
    }

    public Path root() {
        return root;
    }

    public Path landing() {
        return root.resolve("landing");
    }

    /** The relay's own folder: journal, inbox, held, tls. */
    public Path relay() {
        return root.resolve("relay");
    }

    /** The settings for this home with {@code properties}, on an ephemeral port. */
    public RelayConfig config(Properties properties) {
        return RelayConfig.load(root, properties, Map.of()).withPort(0);
    }

    public RunningRelay start(Properties properties, Clock clock) throws Exception {
        return RunningRelay.start(config(properties), PSEUDONYM_KEY, clock);
    }
}
