package jp.renkei.relay.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import jp.renkei.ingest.io.DurableFiles;
import jp.renkei.ingest.landing.ExchangeRows;
import jp.renkei.ingest.landing.ExchangeStatus;
import jp.renkei.ingest.landing.LandingWriter;
import jp.renkei.ingest.pseudonym.PersonPseudonymizer;
import jp.renkei.ingest.standard.StandardFile;
import jp.renkei.relay.journal.JournalEntry;

/**
 * Buffers {@code exchanges} and {@code schedule_lines} rows and lands them as parts; after each flush it records the
 * last journal sequence whose rows are durable. Rows are pseudonymised here: the clear 被保険者番号 never leaves.
 */
public final class ExchangeLanding {
    private final LandingWriter writer;
    private final Path checkpointFile;
    private final ExchangeRows rows;
    private long pendingSequence;

    public ExchangeLanding(LandingWriter writer, PersonPseudonymizer pseudonymizer, Path checkpointFile) {
        this.writer = writer;
        this.checkpointFile = checkpointFile;
        this.rows = new ExchangeRows(pseudonymizer);
    }

    public void add(JournalEntry entry, StandardFile file, String sha256, Instant deliveredAt, ExchangeStatus status) {
        rows.add(entry.messageId(), file, entry.content().length, sha256, Instant.ofEpochMilli(entry.receivedAtMillis()),
                deliveredAt, status);
        pendingSequence = entry.sequence();
    }

    public int bufferedRows() {
        return rows.bufferedRows();
    }

    /** Lands the buffered rows, then advances the checkpoint; a crash in between only repeats rows (at least once). */
    public void flush() throws IOException {
        rows.flush(writer);
        if (pendingSequence > readCheckpoint(checkpointFile)) {
            DurableFiles.write(checkpointFile, Long.toString(pendingSequence).getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The last journal sequence whose rows have landed, or 0. */
    public static long readCheckpoint(Path checkpointFile) throws IOException {
        if (!Files.exists(checkpointFile)) {
            return 0;
        }
        return Long.parseLong(Files.readString(checkpointFile, StandardCharsets.US_ASCII).strip());
    }
}
