package jp.renkei.relay.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import jp.renkei.ingest.io.DurableFiles;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.ingest.landing.LandingRows;
import jp.renkei.ingest.landing.LandingWriter;
import jp.renkei.ingest.pseudonym.PersonPseudonymizer;
import jp.renkei.ingest.standard.ScheduleRecord;
import jp.renkei.ingest.standard.StandardFile;
import jp.renkei.ingest.standard.StandardFileName;
import jp.renkei.relay.journal.JournalEntry;

/**
 * Buffers {@code exchanges} and {@code schedule_lines} rows and lands them as parts; after each flush it records the
 * last journal sequence whose rows are durable. Rows are pseudonymised here: the clear 被保険者番号 never leaves.
 */
public final class ExchangeLanding {
    private final LandingWriter writer;
    private final PersonPseudonymizer pseudonymizer;
    private final Path checkpointFile;
    private final LandingRows exchanges = new LandingRows(LandingDataset.EXCHANGES);
    private final LandingRows scheduleLines = new LandingRows(LandingDataset.SCHEDULE_LINES);
    private long pendingSequence;

    public ExchangeLanding(LandingWriter writer, PersonPseudonymizer pseudonymizer, Path checkpointFile) {
        this.writer = writer;
        this.pseudonymizer = pseudonymizer;
        this.checkpointFile = checkpointFile;
    }

    public void add(JournalEntry entry, StandardFile file, String sha256, Instant deliveredAt, String status) {
        StandardFileName name = file.name().orElseThrow();
        String kind = name.kind().name();
        String month = name.targetMonth().map(Object::toString).orElse("");
        exchanges.add(Arrays.asList(entry.messageId(), kind, file.csvVersion().map(version -> version.value()).orElse(""),
                name.senderOffice(), name.senderServiceType(), name.recipientOffice(), name.recipientServiceType(), month,
                file.records().size(), file.personCount(), entry.content().length, sha256,
                Instant.ofEpochMilli(entry.receivedAtMillis()), deliveredAt, null, status));
        // A file holds a month of lines for a few persons: one HMAC per person, not per line.
        Map<String, String> personKeys = new HashMap<>();
        for (ScheduleRecord line : file.scheduleRecords()) {
            String personKey = personKeys.computeIfAbsent(line.insuredPersonNumber(), pseudonymizer::personKey);
            scheduleLines.add(Arrays.asList(entry.messageId(), kind, personKey,
                    line.insurerNumber(), line.targetMonth().toString(), line.serviceDate(), line.serviceCode(),
                    line.serviceOfficeNumber(), line.units(), line.startTime(), line.endTime(), line.serviceCount()));
        }
        pendingSequence = entry.sequence();
    }

    public int bufferedRows() {
        return exchanges.size() + scheduleLines.size();
    }

    /** Lands the buffered rows, then advances the checkpoint; a crash in between only repeats rows (at least once). */
    public void flush() throws IOException {
        if (!exchanges.isEmpty()) {
            writer.writePart(scheduleLines);
            writer.writePart(exchanges);
            exchanges.clear();
            scheduleLines.clear();
        }
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
