package jp.renkei.relay.cli;

import java.io.IOException;
import java.nio.file.Path;
import jp.renkei.relay.launch.HomeOption;
import jp.renkei.relay.server.RelayConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --home} and {@code --config}: a picocli mixin for the commands that work on a relay's folder (serving it, or
 * the operator's commands while it may run, and the tools that start one).
 */
public final class RelayHomeOptions {
    @Mixin
    private HomeOption home;

    @Option(names = "--config", description = "relay.properties (default: <home>/relay.properties if present).")
    private Path config;

    public Path home() {
        return home.path();
    }

    public RelayConfig relayConfig() throws IOException {
        return RelayConfig.fromFiles(home.path(), config);
    }
}
