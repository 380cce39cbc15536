package jp.renkei.relay.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import jp.renkei.relay.bench.RelayLoadBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code renkei-relay-tools benchmark}: the relay's load figures beside the disk's fsync baseline, measured in one run. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Measures acknowledged files/s and latency of a scratch relay against this disk's fsync rate.")
final class BenchmarkCommand implements Callable<Integer> {
    @Option(names = "--scratch", description = "Folder on the disk to measure (default: ${DEFAULT-VALUE}).")
    Path scratch = Path.of("target", "relay-benchmark");

    @Option(names = "--clients", description = "Concurrent uploading connections (default ${DEFAULT-VALUE}).")
    int clients = 32;

    @Option(names = "--seconds", description = "Duration of each phase (default ${DEFAULT-VALUE}).")
    int seconds = 15;

    @Option(names = "--rate", description = "Offered files/s in the open-loop phase (default ${DEFAULT-VALUE}).")
    int rate = 2_000;

    /** The JIT compiles the TLS, HTTP and parsing paths for tens of seconds under load on two cores. */
    @Option(names = "--warm-up-seconds", description = "Closed-loop load before measuring, at least (default "
            + "${DEFAULT-VALUE}); it goes on in 5 s steps until the JIT compiles for under 1 %% of the CPU twice in a row.")
    int warmUpSeconds = 15;

    @Option(names = "--warm-up-limit-seconds", description = "Longest warm-up (default ${DEFAULT-VALUE}).")
    int warmUpLimitSeconds = 120;

    @Option(names = "--baseline-records", description = "10 KB records in each fsync baseline (default ${DEFAULT-VALUE}).")
    int baselineRecords = 3_000;

    @Override
    public Integer call() throws Exception {
        RelayLoadBenchmark.Result result = RelayLoadBenchmark.run(new RelayLoadBenchmark.Settings(scratch, clients,
                Duration.ofSeconds(warmUpSeconds), Duration.ofSeconds(warmUpLimitSeconds), Duration.ofSeconds(seconds), rate, Duration.ofSeconds(seconds), baselineRecords));
        System.out.print(result.report());
        return 0;
    }
}
