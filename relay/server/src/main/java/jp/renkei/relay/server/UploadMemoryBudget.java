package jp.renkei.relay.server;

/**
 * The heap that uploads in flight may take together: a body is admitted against it before it is read, and its parse
 * before it is parsed; what does not fit now is refused at once (503 with Retry-After) rather than queued, so a burst
 * of large uploads from one office costs the others a retry, never the relay an {@link OutOfMemoryError}.
 */
final class UploadMemoryBudget {
    private final long totalBytes;
    private long reservedBytes;

    UploadMemoryBudget(long totalBytes) {
        if (totalBytes < 1) {
            throw new IllegalArgumentException("the upload memory budget must be positive, was " + totalBytes);
        }
        this.totalBytes = totalBytes;
    }

    /** Half the heap the JVM may grow to: the rest is for the journal queue, the processor and Jetty. */
    static long halfOfTheHeap() {
        return Runtime.getRuntime().maxMemory() / 2;
    }

    long totalBytes() {
        return totalBytes;
    }

    synchronized long reservedBytes() {
        return reservedBytes;
    }

    /** A reservation of {@code bytes}, or null when they do not fit now; close it when the upload is answered. */
    synchronized Reservation tryReserve(long bytes) {
        if (bytes < 0 || bytes > totalBytes - reservedBytes) {
            return null;
        }
        reservedBytes += bytes;
        return new Reservation(bytes);
    }

    private synchronized void release(long bytes) {
        reservedBytes -= bytes;
    }

    /** Reserved heap; releasing it twice releases it once. */
    final class Reservation implements AutoCloseable {
        private long bytes;

        private Reservation(long bytes) {
            this.bytes = bytes;
        }

        /** Adds {@code more} bytes to this reservation; false (and nothing added) when they do not fit now. */
        boolean grow(long more) {
            synchronized (UploadMemoryBudget.this) {
                if (more < 0 || more > totalBytes - reservedBytes) {
                    return false;
                }
                reservedBytes += more;
                bytes += more;
                return true;
            }
        }

        @Override
        public void close() {
            long released;
            synchronized (UploadMemoryBudget.this) {
                released = bytes;
                bytes = 0;
            }
            release(released);
        }
    }
}
