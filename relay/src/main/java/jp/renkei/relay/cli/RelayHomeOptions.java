package jp.renkei.relay.cli;

import java.io.IOException;
import java.nio.file.Path;
import jp.renkei.relay.server.RelayConfig;
import picocli.CommandLine.Option;

/** {@code --home} and {@code --config}, for the operator commands that work on a relay's folder while it may run. */
final class RelayHomeOptions {
    @Option(names = "--home", description = "RENKEI_HOME (default: $RENKEI_HOME or ./.renkei).")
    Path home = RelayCommand.defaultHome();

    @Option(names = "--config", description = "relay.properties (default: <home>/relay.properties if present).")
    Path config;

    RelayConfig relayConfig() throws IOException {
        return RelayCommand.loadConfig(home, config);
    }
}
