package jp.renkei.relay.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import jp.renkei.relay.cli.RelayCommand;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * {@code renkei-relay serve} as its own process, with its own heap: for tests where the relay must really die (a
 * SIGKILL) or really run out of memory, neither of which an in-process relay can show.
 */
public final class RelayProcess implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int port;

    private RelayProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the relay of {@code home} with {@code -Xmx<heap>} and waits until it listens. */
    public static RelayProcess start(RelayHome home, Path folder, String heap) throws IOException {
        Path log = folder.resolve("relay-process.log");
        Path portFile = folder.resolve("relay-process.port");
        Files.deleteIfExists(portFile);
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=" + TimeZone.getDefault().getID(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                RelayCommand.class.getName(), "serve",
                "--home", home.root().toString(),
                "--port", "0",
                "--port-file", portFile.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // The relay must use this home's files only, not a developer's RENKEI_* settings.
        builder.environment().keySet().removeIf(variable -> variable.startsWith("RENKEI_"));
        Process process = builder.start();
        try {
            await("the relay's port file").atMost(START_LIMIT).pollInterval(Duration.ofMillis(20))
                    .failFast(() -> !process.isAlive())
                    .until(() -> Files.exists(portFile));
        } catch (ConditionTimeoutException | TerminalFailureException notStarted) {
            process.destroyForcibly();
            throw new AssertionError("the relay process did not start within " + START_LIMIT + "; its log:\n"
                    + Files.readString(log, StandardCharsets.UTF_8), notStarted);
        }
        return new RelayProcess(process, log, Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).strip()));
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** SIGKILL: no shutdown hook, no final flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the relay process did not end after SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
