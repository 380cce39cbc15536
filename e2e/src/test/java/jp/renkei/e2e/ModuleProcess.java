package jp.renkei.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * Starts a module's main class in its own JVM, on the classpath its build wrote to
 * {@code target/runtime-classpath.txt} — the same way {@code bin/renkei} launches it. Output goes to a log file that
 * failures quote.
 */
final class ModuleProcess implements AutoCloseable {
    private static final Path ROOT = locateRoot();

    private final Process process;
    private final Path log;
    private final String name;

    private ModuleProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ModuleProcess start(String module, List<String> jvmOptions, String mainClass, List<String> arguments, Path log)
            throws IOException {
        Path classpathFile = ROOT.resolve(module).resolve("target").resolve("runtime-classpath.txt");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: run the tests with `mvn verify` (bin/renkei test), "
                    + "which packages every module before the end-to-end tests");
        }
        String classpath = ROOT.resolve(module).resolve("target").resolve("classes") + java.io.File.pathSeparator
                + Files.readString(classpathFile, StandardCharsets.UTF_8).strip();
        return startJava(module, classpath, jvmOptions, mainClass, arguments, Map.of(), log);
    }

    /** Starts a main class on the given classpath, with extra environment variables, logging to {@code log}. */
    static ModuleProcess startJava(String name, String classpath, List<String> jvmOptions, String mainClass,
            List<String> arguments, Map<String, String> environment, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new ModuleProcess(name, builder.start(), log);
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static Path repositoryRoot() {
        return ROOT;
    }

    /** Spark's JVM options for JDK 17, from the file the launcher script uses too. */
    static String sparkOptionsFile() {
        return "@" + ROOT.resolve("analytics").resolve("spark-jvm.options");
    }

    /** Waits for the process to exit and fails with its log when the exit code is not 0. */
    void awaitSuccess(long timeoutSeconds) throws IOException, InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish within " + timeoutSeconds + " s; log:\n" + logText());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(name + " exited with " + process.exitValue() + "; log:\n" + logText());
        }
    }

    /**
     * Waits until {@code condition} holds, failing with this process's log if it exits first or {@code limit}
     * passes.
     */
    void awaitCondition(String what, Duration limit, Callable<Boolean> condition) throws IOException {
        try {
            Awaitility.await(what).atMost(limit).pollInterval(Duration.ofMillis(100))
                    .failFast(() -> !process.isAlive())
                    .until(condition);
        } catch (ConditionTimeoutException | TerminalFailureException notThere) {
            throw new AssertionError(name + ": " + notThere.getMessage() + "; log:\n" + logText(), notThere);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as an operator stops the relay; waits for a clean exit. */
    void stopGracefully(long timeoutSeconds) throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not stop within " + timeoutSeconds + " s; log:\n" + logText());
        }
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)";
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static Path locateRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("analytics").resolve("pom.xml"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("cannot find the renkei checkout above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }
}
