package jp.renkei.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on localhost — one master and one worker, each its own JVM started from Spark's own
 * classes — and {@code spark-submit} against it. There is no Spark download: the {@code SPARK_HOME} it builds holds in
 * {@code jars/} exactly the jars the analytics build lists in {@code target/spark-classpath.txt} (Spark and its
 * dependencies, nothing of renkei), which is what the worker puts on its executors' classpath. renkei's classes reach
 * the executors only inside the job jar, as on a real cluster.
 */
final class SparkStandaloneCluster implements AutoCloseable {
    private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String DAEMON_HEAP = "-Xmx384m";

    private final Path folder;
    private final Path sparkHome;
    private final String masterUrl;
    private final List<ModuleProcess> daemons;

    private SparkStandaloneCluster(Path folder, Path sparkHome, String masterUrl, List<ModuleProcess> daemons) {
        this.folder = folder;
        this.sparkHome = sparkHome;
        this.masterUrl = masterUrl;
        this.daemons = daemons;
    }

    /** Starts a master and a worker with {@code workerCores} cores and {@code workerMemory} (e.g. "2g"). */
    static SparkStandaloneCluster start(Path folder, int workerCores, String workerMemory) throws IOException {
        Path sparkHome = sparkHome(folder.resolve("spark-home"));
        String classpath = sparkHome.resolve("jars") + "/*";
        List<ModuleProcess> daemons = new ArrayList<>();
        try {
            ModuleProcess master = ModuleProcess.startJava("spark master", classpath,
                    // the REST submission server would take the fixed port 6066
                    List.of(ModuleProcess.sparkOptionsFile(), DAEMON_HEAP, "-Dspark.master.rest.enabled=false"),
                    "org.apache.spark.deploy.master.Master",
                    List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0"),
                    Map.of("SPARK_HOME", sparkHome.toString()), folder.resolve("logs").resolve("master.log"));
            daemons.add(master);
            master.awaitCondition("the master's URL in its log", START_TIMEOUT,
                    () -> MASTER_URL.matcher(master.logText()).find());
            Matcher url = MASTER_URL.matcher(master.logText());
            String masterUrl = url.find() ? url.group(1) : null;

            ModuleProcess worker = ModuleProcess.startJava("spark worker", classpath,
                    List.of(ModuleProcess.sparkOptionsFile(), DAEMON_HEAP), "org.apache.spark.deploy.worker.Worker",
                    List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0",
                            "--cores", Integer.toString(workerCores), "--memory", workerMemory,
                            "--work-dir", folder.resolve("worker").toString(), masterUrl),
                    workerEnvironment(sparkHome), folder.resolve("logs").resolve("worker.log"));
            daemons.add(worker);
            worker.awaitCondition("the worker's registration with the master", START_TIMEOUT,
                    () -> worker.logText().contains("Successfully registered with master"));
            return new SparkStandaloneCluster(folder, sparkHome, masterUrl, daemons);
        } catch (RuntimeException | Error | IOException failed) {
            daemons.forEach(ModuleProcess::close);
            throw failed;
        }
    }

    String masterUrl() {
        return masterUrl;
    }

    /**
     * {@code spark-submit --master spark://… --deploy-mode client --class MAIN JAR ARGS} — Spark's own
     * {@code SparkSubmit}, run the way the {@code spark-submit} script runs it.
     */
    ModuleProcess submit(Path jobJar, String mainClass, List<String> sparkConf, List<String> arguments, Path log)
            throws IOException {
        List<String> submitArguments = new ArrayList<>(List.of("--master", masterUrl, "--deploy-mode", "client",
                "--class", mainClass));
        for (String setting : sparkConf) {
            submitArguments.add("--conf");
            submitArguments.add(setting);
        }
        submitArguments.add(jobJar.toString());
        submitArguments.addAll(arguments);
        return ModuleProcess.startJava("spark-submit", sparkHome.resolve("jars") + "/*",
                List.of(ModuleProcess.sparkOptionsFile(), "-Xmx1g"), "org.apache.spark.deploy.SparkSubmit",
                submitArguments, Map.of("SPARK_HOME", sparkHome.toString()), log);
    }

    /** The stderr logs of every executor the worker launched ({@code work-dir/app-…/<executor>/stderr}). */
    List<Path> executorLogs() throws IOException {
        Path workDirectory = folder.resolve("worker");
        if (!Files.isDirectory(workDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(workDirectory)) {
            return files.filter(file -> file.getFileName().toString().equals("stderr")).sorted().toList();
        }
    }

    @Override
    public void close() {
        // the worker first: it stops its executors when it gets the TERM
        for (int i = daemons.size() - 1; i >= 0; i--) {
            daemons.get(i).close();
        }
    }

    /**
     * What the worker's launcher needs to build an executor's command (Spark's {@code WorkerCommandBuilder}): the home
     * whose {@code jars/} it lists, the Scala version a distribution's scripts would export (without it the launcher
     * looks for a source build and fails with "Cannot find any build directories"), and this JDK rather than whatever
     * {@code JAVA_HOME} the environment has.
     */
    private static Map<String, String> workerEnvironment(Path sparkHome) {
        return Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13",
                "JAVA_HOME", System.getProperty("java.home"));
    }

    private static Path sparkHome(Path sparkHome) throws IOException {
        Path classpathFile = ModuleProcess.repositoryRoot().resolve("analytics").resolve("target").resolve("spark-classpath.txt");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: run the tests with `mvn verify` (bin/renkei test), "
                    + "which packages the analytics module before the end-to-end tests");
        }
        Path jars = Files.createDirectories(sparkHome.resolve("jars"));
        for (String entry : Files.readString(classpathFile, StandardCharsets.UTF_8).strip().split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
        }
        return sparkHome;
    }
}
