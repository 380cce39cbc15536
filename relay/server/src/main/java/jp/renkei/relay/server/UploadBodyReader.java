package jp.renkei.relay.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jp.renkei.relay.http.RelayExchange;

/**
 * Reads an upload's body within the relay's limits: at most {@code maximumFileBytes}, at a minimum rate, and only as
 * long as parsing it could fit the whole upload memory — estimated as the bytes arrive, so a hopeless body is refused
 * before it is held.
 */
final class UploadBodyReader {
    private final long maximumFileBytes;
    private final long memoryBytes;

    UploadBodyReader(long maximumFileBytes, long memoryBytes) {
        this.maximumFileBytes = maximumFileBytes;
        this.memoryBytes = memoryBytes;
    }

    /**
     * A body that does not arrive in time. Stalling reads hold a worker each: a few dozen trickling connections used to
     * stall the relay.
     */
    static final class BodyTooSlowException extends IOException {
        BodyTooSlowException(String message) {
            super(message);
        }
    }

    /** A body may stall this long between bytes before its connection is ended. */
    static final Duration READ_STALL = Duration.ofSeconds(10);
    /** And it must arrive at this rate at least, after a first {@link #READ_STALL} of grace. */
    static final long MINIMUM_BYTES_PER_SECOND = 64 * 1024;

    /** A body as read, with the estimate of what parsing it will take. */
    record Body(byte[] content, ParseFootprint.Estimate footprint) {
    }

    /**
     * Reads at most the limit, estimating the parse as the bytes arrive; null when the body is larger than the limit.
     *
     * @throws FootprintTooLargeException when the parse could not fit the whole upload memory; from that byte on the
     *     body is read and dropped, neither kept nor counted
     */
    Body read(RelayExchange exchange) throws IOException {
        long declared = exchange.declaredLength();
        long expected = declared >= 0 ? declared : maximumFileBytes;
        long deadline = System.nanoTime() + READ_STALL.toNanos()
                + TimeUnit.SECONDS.toNanos(expected / MINIMUM_BYTES_PER_SECOND);
        exchange.limitReadStall(READ_STALL);
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, maximumFileBytes + 1);
        ByteArrayOutputStream content = new ByteArrayOutputStream(
                (int) Math.min(declared >= 0 ? declared : 8192, limit));
        byte[] chunk = new byte[16 * 1024];
        ParseFootprint.Counter footprint = new ParseFootprint.Counter();
        ParseFootprint.Estimate hopeless = null;
        long dropped = 0;
        try (InputStream body = exchange.body()) {
            while (content.size() < limit) {
                int read;
                try {
                    read = body.read(chunk, 0, (int) Math.min(chunk.length, limit - content.size()));
                } catch (IOException stalled) {
                    throw new BodyTooSlowException("no byte of the body arrived for " + READ_STALL.toSeconds() + " s");
                }
                if (read < 0) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new BodyTooSlowException("the body arrived slower than " + MINIMUM_BYTES_PER_SECOND / 1024
                            + " KiB/s");
                }
                if (hopeless != null) {
                    // Read to the end and drop it: a connection cut mid-body leaves the sender a broken pipe instead
                    // of the 413 that tells it not to send this file again. Nothing more is kept, counted or hashed.
                    dropped += read;
                    if (dropped > limit) {
                        break;
                    }
                    continue;
                }
                content.write(chunk, 0, read);
                footprint.add(chunk, read);
                ParseFootprint.Estimate soFar = footprint.estimate();
                if (soFar.bytes() > memoryBytes) {
                    hopeless = soFar;
                    dropped = content.size();
                    content.reset();
                }
            }
        }
        if (hopeless != null) {
            throw new FootprintTooLargeException(hopeless);
        }
        return content.size() > maximumFileBytes ? null : new Body(content.toByteArray(), footprint.estimate());
    }

    /** A body whose parse would not fit the whole upload memory, found while it arrived: the rest is not read. */
    static final class FootprintTooLargeException extends IOException {
        private final transient ParseFootprint.Estimate estimate;

        FootprintTooLargeException(ParseFootprint.Estimate estimate) {
            super("the body's estimated parse exceeds the upload memory");
            this.estimate = estimate;
        }

        ParseFootprint.Estimate estimate() {
            return estimate;
        }
    }
}
