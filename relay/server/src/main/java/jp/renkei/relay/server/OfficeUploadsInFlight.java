package jp.renkei.relay.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many bodies one office may be sending at once. A body is read on a worker thread, so an office that opens many
 * uploads and trickles them would otherwise take the workers every other office needs; past its share it gets 429
 * before a byte of the body is read.
 */
final class OfficeUploadsInFlight {
    private final int perOffice;
    private final ConcurrentHashMap<String, AtomicInteger> receiving = new ConcurrentHashMap<>();

    /** @param perOffice bodies one office may be sending at once; 0 for no limit (the load benchmark's one sender) */
    OfficeUploadsInFlight(int perOffice) {
        if (perOffice < 0) {
            throw new IllegalArgumentException("uploads in flight per office must be 0 (no limit) or more, was " + perOffice);
        }
        this.perOffice = perOffice == 0 ? Integer.MAX_VALUE : perOffice;
    }

    int perOffice() {
        return perOffice;
    }

    /** A slot for one body of {@code office}, or null when it already has its share; close it once the body is read. */
    Slot tryEnter(String office) {
        AtomicInteger count = receiving.computeIfAbsent(office, ignored -> new AtomicInteger());
        if (count.incrementAndGet() > perOffice) {
            count.decrementAndGet();
            return null;
        }
        return new Slot(count);
    }

    int receiving(String office) {
        AtomicInteger count = receiving.get(office);
        return count == null ? 0 : count.get();
    }

    /** One body being received; closing it twice frees it once. */
    static final class Slot implements AutoCloseable {
        private AtomicInteger count;

        private Slot(AtomicInteger count) {
            this.count = count;
        }

        @Override
        public void close() {
            if (count != null) {
                count.decrementAndGet();
                count = null;
            }
        }
    }
}
