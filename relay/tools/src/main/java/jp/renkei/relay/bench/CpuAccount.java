package jp.renkei.relay.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time spent during one benchmark phase, split by who spent it: the relay's threads (named {@code relay-…} and
 * {@code journal-…}), the load client's ({@code bench-…}), and the rest of the process (garbage collection, the JIT,
 * the main thread). On a shared machine the files per second a phase reaches swing with the neighbours' load; the CPU
 * time each file costs swings far less, and the relay's share says what the relay would reach with the client
 * elsewhere.
 *
 * <p>A thread that ends during the phase takes its time with it; the benchmark's and the relay's pools keep theirs.
 */
final class CpuAccount {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private final com.sun.management.OperatingSystemMXBean system =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Nanoseconds of CPU per side at one moment. */
    record Snapshot(long relayNanos, long clientNanos, long processNanos, long compilationMillis, long collections,
            long collectionMillis) {
    }

    /**
     * What a phase cost per acknowledged file, in microseconds; how long the JIT compiled meanwhile; and the garbage
     * collections (with G1, their time is that of the pauses, which every upload in flight waits out).
     */
    record PerFile(double relayMicros, double clientMicros, double restMicros, long compilationMillis, long collections,
            long collectionMillis) {
        static final PerFile NONE = new PerFile(Double.NaN, Double.NaN, Double.NaN, 0, 0, 0);

        /** Files/s the relay's own threads could take on {@code cores} cores if nothing else ran there. */
        double relayCapacity(int cores) {
            return cores * 1e6 / relayMicros;
        }
    }

    Snapshot snapshot() {
        long relay = 0;
        long client = 0;
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(ids[i]);
            if (nanos < 0) {
                continue;
            }
            String name = infos[i].getThreadName();
            if (name.startsWith("relay-") || name.startsWith("journal-")) {
                relay += nanos;
            } else if (name.startsWith("bench-")) {
                client += nanos;
            }
        }
        long collections = 0;
        long collectionMillis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, collector.getCollectionCount());
            collectionMillis += Math.max(0, collector.getCollectionTime());
        }
        return new Snapshot(relay, client, system.getProcessCpuTime(), compiler.getTotalCompilationTime(), collections,
                collectionMillis);
    }

    static PerFile perFile(Snapshot before, Snapshot after, long files) {
        if (files <= 0) {
            return PerFile.NONE;
        }
        long relay = after.relayNanos() - before.relayNanos();
        long client = after.clientNanos() - before.clientNanos();
        long rest = after.processNanos() - before.processNanos() - relay - client;
        return new PerFile(relay / 1e3 / files, client / 1e3 / files, Math.max(0, rest) / 1e3 / files,
                after.compilationMillis() - before.compilationMillis(), after.collections() - before.collections(),
                after.collectionMillis() - before.collectionMillis());
    }
}
