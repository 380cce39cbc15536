package jp.renkei.relay.launch;

import java.nio.file.Path;
import jp.renkei.ingest.cli.RenkeiHome;
import picocli.CommandLine.Option;

/** {@code --home}, the renkei folder a command works in: a picocli mixin shared by the server, agent and tools. */
public final class HomeOption {
    @Option(names = "--home", description = "RENKEI_HOME (default: $RENKEI_HOME or ./.renkei).")
    private Path home = RenkeiHome.fromEnvironment();

    public Path path() {
        return home;
    }
}
