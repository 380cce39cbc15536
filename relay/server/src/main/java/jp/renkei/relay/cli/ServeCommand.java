package jp.renkei.relay.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import jp.renkei.ingest.pseudonym.PseudonymKeyStore;
import jp.renkei.relay.server.RelayConfig;
import jp.renkei.relay.server.RelayServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code renkei-relay serve}: runs until SIGTERM/SIGINT, then drains and lands what it holds. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Runs the relay server.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    RelayHomeOptions relayHome;

    @Option(names = "--port", description = "Overrides relay.port; 0 picks a free port.")
    Integer port;

    @Option(names = "--port-file", description = "Writes the bound port here once listening (for scripts and tests).")
    Path portFile;

    @Override
    public Integer call() throws Exception {
        RelayConfig config = relayHome.relayConfig();
        if (port != null) {
            config = config.withPort(port);
        }
        byte[] key = PseudonymKeyStore.load(relayHome.home(), System.getenv());
        RelayServer server = RelayServer.start(config, key, Clock.systemUTC(), ServeCommand::stopTheProcess);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException closeFailure) {
                System.err.println("relay: error while stopping: " + closeFailure);
            } finally {
                stopped.countDown();
            }
        }, "relay-shutdown"));
        if (portFile != null) {
            Path temporary = portFile.resolveSibling("." + portFile.getFileName() + ".tmp");
            Files.writeString(temporary, Integer.toString(server.port()), StandardCharsets.US_ASCII);
            Files.move(temporary, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        stopped.await();
        return 0;
    }

    /**
     * The journal writer or the processor died: stop the whole process, loudly, with exit status 70, so that its
     * supervisor (systemd, bin/renkei) sees it and a restart replays the journal. On its own thread, since exiting runs
     * the shutdown hook, which waits for the very threads that may be calling this.
     */
    static void stopTheProcess(Throwable fatal) {
        System.err.println("RELAY-FATAL-001 renkei-relay stops: " + fatal + " (the journal keeps every acknowledged file;"
                + " restart the relay to replay it)");
        Thread exit = new Thread(() -> System.exit(FATAL_EXIT_STATUS), "relay-fatal-exit");
        exit.setDaemon(false);
        exit.start();
    }

    /** EX_SOFTWARE of sysexits.h: an internal error. */
    static final int FATAL_EXIT_STATUS = 70;
}
