package jp.renkei.ingest.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import jp.renkei.ingest.standard.StandardFile;
import jp.renkei.ingest.standard.StandardFileReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/renkei parse-benchmark}: generates (once) UPPLAN/UPJSK files of a total size and measures, in one run
 * after a warm-up, (a) plain MS932 line reading, (b) parse only (strict MS932 decode + RFC 4180 split into fields,
 * {@link StandardFileReader#parseOnly}) and (c) parse + full validation ({@link StandardFileReader#read} with typed
 * records), on one thread and on two (files split between the threads). Every stage starts from the file on disk.
 */
@Command(name = "parse-benchmark", mixinStandardHelpOptions = true,
        description = "Measures MS932 line reading vs. parsing vs. parsing + validation of 第6表 files.")
public final class StandardParseBenchmark implements Callable<Integer> {
    @Option(names = "--size-mb", description = "Total size of the generated files in MiB (default ${DEFAULT-VALUE}).")
    long sizeMb = 1024;

    @Option(names = "--seed", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed = 20261001L;

    @Option(names = "--dir", description = "Scratch folder for the generated files (default ${DEFAULT-VALUE}).")
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "renkei-parse-benchmark");

    @Option(names = "--warmup-mb", description = "MiB processed per stage before measuring (default ${DEFAULT-VALUE}).")
    long warmupMb = 128;

    @Option(names = "--stages", split = ",", description = "Stages to run (default: lines,parse,validate).")
    List<Stage> stages = List.of(Stage.values());

    /** What one pass does to each file; returns the records (lines) it saw. */
    enum Stage {
        lines("(a) MS932 line reading"),
        parse("(b) parse only"),
        validate("(c) parse + validation");

        final String label;

        Stage(String label) {
            this.label = label;
        }
    }

    record Result(long bytes, long records, double seconds) {
        double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }

        double recordsPerSecond() {
            return records / seconds;
        }
    }

    public static void main(String[] arguments) {
        System.exit(new CommandLine(new StandardParseBenchmark()).execute(arguments));
    }

    @Override
    public Integer call() throws Exception {
        Path folder = ScheduleFileGenerator.ensure(dir, sizeMb << 20, seed);
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".CSV")).sorted().toList();
        }
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        System.out.printf("%d files, %,d bytes in %s; java %s, %d processors%n", files.size(), total, folder,
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        List<Path> warmup = prefix(files, warmupMb << 20);
        for (Stage stage : stages) {
            run(stage, warmup, 1);
            run(stage, warmup, 2);
        }
        System.out.printf("%-26s %8s %10s %12s %10s%n", "stage", "threads", "MB/s", "records/s", "seconds");
        Result[][] results = new Result[Stage.values().length][3];
        for (Stage stage : stages) {
            for (int threads = 1; threads <= 2; threads++) {
                Result result = run(stage, files, threads);
                results[stage.ordinal()][threads] = result;
                System.out.printf("%-26s %8d %10.1f %,12.0f %10.2f%n", stage.label, threads, result.megabytesPerSecond(),
                        result.recordsPerSecond(), result.seconds());
            }
        }
        report(results);
        return 0;
    }

    private void report(Result[][] results) {
        Result[] baseline = results[Stage.lines.ordinal()];
        for (Stage stage : stages) {
            Result[] row = results[stage.ordinal()];
            StringBuilder line = new StringBuilder(String.format("%-26s", stage.label));
            if (baseline[1] != null && stage != Stage.lines) {
                line.append(String.format(" 1 thread: %5.1f%% of (a)", 100 * row[1].megabytesPerSecond() / baseline[1].megabytesPerSecond()));
                line.append(String.format("  2 threads: %5.1f%% of (a)", 100 * row[2].megabytesPerSecond() / baseline[2].megabytesPerSecond()));
            }
            line.append(String.format("  2 threads / 1 thread: %.2fx", row[2].megabytesPerSecond() / row[1].megabytesPerSecond()));
            System.out.println(line);
        }
    }

    private static List<Path> prefix(List<Path> files, long bytes) throws IOException {
        List<Path> prefix = new ArrayList<>();
        long sum = 0;
        for (Path file : files) {
            if (sum >= bytes) {
                break;
            }
            prefix.add(file);
            sum += Files.size(file);
        }
        return prefix;
    }

    private static Result run(Stage stage, List<Path> files, int threads) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<long[]>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Path> share = new ArrayList<>();
                for (int i = t; i < files.size(); i += threads) {
                    share.add(files.get(i));
                }
                parts.add(pool.submit(() -> process(stage, share)));
            }
            long bytes = 0;
            long records = 0;
            for (Future<long[]> part : parts) {
                long[] counts = part.get();
                bytes += counts[0];
                records += counts[1];
            }
            return new Result(bytes, records, (System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static long[] process(Stage stage, List<Path> files) throws IOException {
        StandardFileReader reader = new StandardFileReader();
        long bytes = 0;
        long records = 0;
        for (Path file : files) {
            bytes += Files.size(file);
            records += switch (stage) {
                case lines -> countLines(file);
                case parse -> reader.parseOnly(file.getFileName().toString(), Files.readAllBytes(file)).size();
                case validate -> validate(reader, file);
            };
        }
        return new long[] {bytes, records};
    }

    private static long countLines(Path file) throws IOException {
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardFileReader.MS932)) {
            while (in.readLine() != null) {
                lines++;
            }
        }
        return lines;
    }

    private static long validate(StandardFileReader reader, Path file) throws IOException {
        StandardFile parsed = reader.read(file.getFileName().toString(), Files.readAllBytes(file));
        if (!parsed.isValid()) {
            throw new UncheckedIOException(new IOException(file + " did not validate: "
                    + parsed.findings().list().stream().limit(3).map(f -> f.describe()).toList()));
        }
        return parsed.typedRecords().size();
    }
}
