package jp.renkei.ingest.landing;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import jp.renkei.ingest.pseudonym.PersonPseudonymizer;
import jp.renkei.ingest.standard.ActualsDeleteRecord;
import jp.renkei.ingest.standard.ScheduleDeleteRecord;
import jp.renkei.ingest.standard.ScheduleRecord;
import jp.renkei.ingest.standard.StandardFile;
import jp.renkei.ingest.standard.StandardFileName;

/**
 * The {@code exchanges} row and {@code schedule_lines} rows of one routed standard file, pseudonymised: the one
 * definition both the relay (live files) and {@code renkei-ingest backfill} (past months) land.
 */
public final class ExchangeRows {
    private final LandingRows exchanges = new LandingRows(LandingDataset.EXCHANGES);
    private final LandingRows scheduleLines = new LandingRows(LandingDataset.SCHEDULE_LINES);
    private final PersonPseudonymizer pseudonymizer;

    public ExchangeRows(PersonPseudonymizer pseudonymizer) {
        this.pseudonymizer = pseudonymizer;
    }

    /** Adds a valid file (its name parsed) as one exchange and its 第6表 lines. */
    public void add(String messageId, StandardFile file, int bytes, String sha256, Instant receivedAt,
            Instant deliveredAt, ExchangeStatus status) {
        StandardFileName name = file.name().orElseThrow();
        String kind = name.kind().name();
        String month = name.targetMonth().map(Object::toString).orElse("");
        exchanges.add(Arrays.asList(messageId, kind, file.csvVersion().map(version -> version.value()).orElse(""),
                name.senderOffice(), name.senderServiceType(), name.recipientOffice(), name.recipientServiceType(), month,
                file.records().size(), file.personCount(), bytes, sha256, receivedAt, deliveredAt, null, status.value()));
        // A file holds a month of lines for a few persons: one HMAC per person, not per line. Adding a line cannot
        // fail half-way through a file: LandingRows refuses only a month that is not YYYY-MM, and a parsed month of
        // the standard (4-digit years) always is.
        Map<String, String> personKeys = new HashMap<>();
        for (ScheduleRecord line : file.scheduleRecords()) {
            String personKey = personKeys.computeIfAbsent(line.insuredPersonNumber(), pseudonymizer::personKey);
            scheduleLines.add(Arrays.asList(messageId, kind, personKey,
                    line.insurerNumber(), line.targetMonth().toString(), line.serviceDate(), line.serviceCode(),
                    line.serviceOfficeNumber(), line.units(), line.startTime(), line.endTime(), line.serviceCount()));
        }
        // Deletes land beside the lines they remove, so analytics can apply them (docs/landing-zone.md).
        for (ScheduleDeleteRecord delete : file.recordsOf(ScheduleDeleteRecord.class)) {
            String personKey = personKeys.computeIfAbsent(delete.insuredPersonNumber(), pseudonymizer::personKey);
            scheduleLines.add(Arrays.asList(messageId, kind, personKey, delete.insurerNumber(),
                    delete.deletedMonth().toString(), "", "", "", "", "", "", ""));
        }
        for (ActualsDeleteRecord delete : file.recordsOf(ActualsDeleteRecord.class)) {
            String personKey = personKeys.computeIfAbsent(delete.insuredPersonNumber(), pseudonymizer::personKey);
            scheduleLines.add(Arrays.asList(messageId, kind, personKey, delete.insurerNumber(),
                    delete.deletedMonth().toString(), "", delete.serviceType(), delete.serviceOfficeNumber(),
                    "", "", "", ""));
        }
    }

    public int bufferedRows() {
        return exchanges.size() + scheduleLines.size();
    }

    /** Lands the buffered rows (schedule lines first, so no exchange lands without its lines) and clears them. */
    public void flush(LandingWriter writer) throws java.io.IOException {
        if (exchanges.isEmpty()) {
            return;
        }
        writer.writeParts(scheduleLines);
        writer.writeParts(exchanges);
        exchanges.clear();
        scheduleLines.clear();
    }
}
