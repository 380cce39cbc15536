package jp.renkei.relay.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.relay.cli.RelayCommand;

/**
 * {@code renkei-relay serve} in a child JVM (this JVM's java and class path) on a RENKEI_HOME, so that a kill is a real
 * SIGKILL: no shutdown hook, no final flush. Its output goes to a log file per start. Used by the crash and abuse
 * harnesses and by the tests that need a relay to really die or run out of memory.
 */
public final class RelayProcess implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final Pattern RECOVERED =
            Pattern.compile("recovered (\\d+) journal record\\(s\\) in (\\d+) ms; replaying (\\d+) after");

    private final Process process;
    private final Path log;
    private final int port;
    private final long startMillis;

    private RelayProcess(Process process, Path log, int port, long startMillis) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.startMillis = startMillis;
    }

    /** The crash harness's relay: a small heap, and a quick start (serial GC, C1 only) for its many restarts. */
    public static final List<String> QUICK_START = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /**
     * Starts the relay with {@link #QUICK_START} and waits until it listens; {@link #startMillis} is from launch to
     * listening.
     */
    public static RelayProcess start(Path home, Path log) throws IOException, InterruptedException {
        return start(home, log, QUICK_START);
    }

    /** Starts the relay with these JVM options and waits until it listens. */
    public static RelayProcess start(Path home, Path log, List<String> jvmOptions) throws IOException, InterruptedException {
        Path portFile = home.resolve("relay.port");
        Files.deleteIfExists(portFile);
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=" + TimeZone.getDefault().getID()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                RelayCommand.class.getName(), "serve",
                "--home", home.toString(), "--port", "0", "--port-file", portFile.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // The relay must use this home's files only, not the caller's RENKEI_* settings.
        builder.environment().keySet().removeIf(variable -> variable.startsWith("RENKEI_"));
        long started = System.nanoTime();
        Process process = builder.start();
        long deadline = started + START_LIMIT.toNanos();
        while (!Files.exists(portFile)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("the relay did not start within " + START_LIMIT + "; its log:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(10);
        }
        int port = Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).strip());
        return new RelayProcess(process, log, port, (System.nanoTime() - started) / 1_000_000);
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

    long startMillis() {
        return startMillis;
    }

    /** From this start's log: {recovered records, recovery ms, replayed records}. */
    long[] recovery() throws IOException {
        Matcher matcher = RECOVERED.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (!matcher.find()) {
            throw new IOException("no recovery line in " + log);
        }
        return new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
            Long.parseLong(matcher.group(3))};
    }

    /** SIGKILL, as {@code kill -9}. */
    public void kill() throws InterruptedException, IOException {
        process.destroyForcibly();
        awaitEnd();
    }

    /** SIGTERM: the relay drains its journal and lands what it buffered. */
    public void stop() throws InterruptedException, IOException {
        process.destroy();
        awaitEnd();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        stop();
    }

    private void awaitEnd() throws InterruptedException, IOException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("the relay process did not end within 60 s; see " + log);
        }
    }
}
