package jp.renkei.relay.server;

import java.io.Closeable;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.landing.LandingWriter;
import jp.renkei.ingest.pseudonym.PersonPseudonymizer;
import jp.renkei.ingest.standard.StandardFile;
import jp.renkei.relay.cardcheck.CardCheckHandler;
import jp.renkei.relay.cardcheck.CardCheckLanding;
import jp.renkei.relay.http.OfficeAuthentication;
import jp.renkei.relay.http.RelayMetrics;
import jp.renkei.relay.http.RelayRoutes;
import jp.renkei.relay.journal.Journal;
import jp.renkei.relay.journal.JournalEntry;
import jp.renkei.relay.journal.JournalKey;
import jp.renkei.relay.pki.OfficeCertificateVerifier;
import jp.renkei.relay.pki.PkiLayout;
import jp.renkei.relay.receipt.MessageLedger;
import jp.renkei.relay.routing.ExchangeLanding;
import jp.renkei.relay.routing.HeldFiles;
import jp.renkei.relay.routing.HeldRelease;
import jp.renkei.relay.routing.OfficeRegistry;
import jp.renkei.relay.routing.RelayProcessor;
import jp.renkei.relay.tls.RelayTlsMaterial;
import org.eclipse.jetty.server.Server;

/**
 * A running relay: HTTPS endpoint (Jetty), journal, processor. {@link #start} recovers from the journal before it accepts
 * uploads; {@link #close} stops accepting, lets the journal and the processor drain, and lands what is buffered.
 */
public final class RelayServer implements Closeable {
    private static final System.Logger LOG = System.getLogger(RelayServer.class.getName());

    private final Server server;
    private final Journal<StandardFile> journal;
    private final RelayProcessor processor;
    private final MessageLedger ledger;
    private final CardCheckLanding cardChecks;
    private final Retention retention;

    private RelayServer(Server server, Journal<StandardFile> journal, RelayProcessor processor, MessageLedger ledger,
            CardCheckLanding cardChecks, Retention retention) {
        this.server = server;
        this.journal = journal;
        this.processor = processor;
        this.ledger = ledger;
        this.cardChecks = cardChecks;
        this.retention = retention;
    }

    /** Starts a relay that, when its journal writer or processor stops on an error, only refuses uploads and says so. */
    public static RelayServer start(RelayConfig config, byte[] pseudonymKey, Clock clock)
            throws IOException, GeneralSecurityException, InputRejectedException {
        return start(config, pseudonymKey, clock, fatal -> { });
    }

    /**
     * Starts a relay; {@code onFatal} runs once when its journal writer or its processor stops on an error (e.g. an
     * {@link OutOfMemoryError}): {@code renkei-relay serve} stops the process there, so that a supervisor restarts it
     * and the journal replays, rather than leave a relay that answers /health but stores or delivers nothing.
     */
    public static RelayServer start(RelayConfig config, byte[] pseudonymKey, Clock clock,
            java.util.function.Consumer<Throwable> onFatal)
            throws IOException, GeneralSecurityException, InputRejectedException {
        OfficeRegistry registry = OfficeRegistry.fromRoster(config.registryRoster());
        java.nio.file.Path checkpoint = config.home().resolve("landing.checkpoint");
        ExchangeLanding landing = new ExchangeLanding(new LandingWriter(config.landingRoot(), clock),
                new PersonPseudonymizer(pseudonymKey), checkpoint);
        MessageLedger ledger = new MessageLedger();
        jp.renkei.relay.journal.JournalSealing sealing = JournalKey.sealing(config.secretsFolder(), System.getenv());
        HeldFiles heldFiles = new HeldFiles(config.home(), sealing);
        RelayProcessor processor = new RelayProcessor(registry, heldFiles, landing, ledger, clock,
                config.landingFlushIntervalMillis(), config.landingFlushRows());
        long recoveryStarted = System.nanoTime();
        long landedUpTo = ExchangeLanding.readCheckpoint(checkpoint);
        List<JournalEntry> replay = new ArrayList<>();
        Journal<StandardFile> journal = Journal.open(Journal.fileIn(config.home()),
                config.journalSegmentBytes(), sealing,
                config.journalQueueCapacity(), config.journalMaximumBatch(),
                entry -> {
                    ledger.journaled(entry);
                    if (entry.sequence() > landedUpTo) {
                        replay.add(entry);
                    }
                },
                (entry, parsed) -> {
                    ledger.journaled(entry);
                    processor.submit(entry, parsed);
                });
        ledger.recover(config.home().resolve("journal").resolve("receipts.log"));
        processor.onFailure(fatal -> {
            journal.refuseFromNowOn("the relay processor stopped (" + fatal
                    + "); uploads would be stored but not delivered — restart the relay to replay them");
            onFatal.accept(fatal);
        });
        journal.onWriterFailure(fatal -> {
            LOG.log(System.Logger.Level.ERROR, "RELAY-FATAL-001 the journal writer stopped: uploads are refused", fatal);
            onFatal.accept(fatal);
        });
        replay.forEach(entry -> processor.submit(entry, null));
        processor.start();
        LOG.log(System.Logger.Level.INFO, "recovered {0} journal record(s) in {1} ms; replaying {2} after sequence {3}",
                Long.toString(journal.lastSequence()), Long.toString((System.nanoTime() - recoveryStarted) / 1_000_000),
                Integer.toString(replay.size()), Long.toString(landedUpTo));
        HeldRelease.Outcome release = HeldRelease.run(heldFiles, registry, ledger, journal, landedUpTo);
        if (release.released() + release.notReleased() > 0) {
            LOG.log(System.Logger.Level.INFO, "released {0} held file(s) to their now registered addressees; {1} not"
                    + " released (RELAY-HELD-* above)", release.released(), release.notReleased());
        }

        Retention retention = new Retention(journal, ledger, heldFiles, checkpoint, Duration.ofDays(config.retentionDays()),
                clock);
        OfficeAuthentication authentication = new OfficeAuthentication(OfficeCertificateVerifier.load(
                PkiLayout.relayTrustAnchor(config.home()), PkiLayout.revokedSerials(config.home()), clock));
        RelayMetrics metrics = new RelayMetrics(() -> System.currentTimeMillis() / 1_000);
        RelayRoutes routes = new RelayRoutes(metrics);
        OfficeRateLimit rateLimit = new OfficeRateLimit(config.officeUploadsPerSecond(), config.officeUploadBurst(),
                System::nanoTime);
        UploadMemoryBudget uploadMemory = new UploadMemoryBudget(config.uploadMemoryBytes() > 0
                ? config.uploadMemoryBytes() : UploadMemoryBudget.halfOfTheHeap());
        LOG.log(System.Logger.Level.INFO, "uploads in flight may take {0} MiB of the heap (relay.upload-memory-bytes)",
                Long.toString(uploadMemory.totalBytes() / (1 << 20)));
        routes.add(UploadHandler.PATH, new UploadHandler(authentication, rateLimit, metrics, journal, ledger,
                config.maximumFileBytes(), uploadMemory, new OfficeUploadsInFlight(config.officeUploadsInFlight()),
                new OfficeStorageQuota(config.officeBytesPerDay(), clock), clock));
        routes.add(InboxHandler.PATH, new InboxHandler(authentication, journal, ledger, clock));
        routes.add(ReceiptHandler.PATH, new ReceiptHandler(authentication, ledger));
        CardCheckLanding cardChecks = new CardCheckLanding(new LandingWriter(config.landingRoot(), clock),
                new PersonPseudonymizer(pseudonymKey), config.landingFlushIntervalMillis(), config.landingFlushRows());
        routes.add(CardCheckHandler.PATH, CardCheckHandler.create(config.cardCheck(), authentication, cardChecks, clock));
        routes.add("/health", exchange -> {
            Map<String, Object> health = new LinkedHashMap<>();
            boolean healthy = processor.failure() == null && journal.writerFailure() == null;
            health.put("status", healthy ? "ok"
                    : journal.writerFailure() != null ? "journal-writer-stopped" : "processor-stopped");
            health.put("journal_sequence", journal.lastSequence());
            health.put("processed_sequence", processor.processedSequence());
            health.put("journal_queue_depth", journal.queueDepth());
            health.put("processor_backlog", processor.backlog());
            health.put("journal_forces", journal.forceCount());
            health.put("registered_offices", registry.size());
            health.put("messages_known", ledger.size());
            health.put("retention_passes", retention.completedPasses());
            // Damage does not stop the relay (every readable record is served), but an operator must look at it.
            health.put("journal_damaged_records", journal.damagedRecords().size());
            exchange.json(healthy ? 200 : 503, health);
        });
        routes.add("/metrics", exchange -> {
            Map<String, Number> gauges = new LinkedHashMap<>();
            gauges.put("renkei_relay_journal_queue_depth", journal.queueDepth());
            gauges.put("renkei_relay_journal_records_total", journal.lastSequence());
            gauges.put("renkei_relay_journal_forces_total", journal.forceCount());
            gauges.put("renkei_relay_journal_force_seconds_total", journal.forceNanos() / 1e9);
            gauges.put("renkei_relay_journal_force_seconds_max", journal.slowestForceNanos() / 1e9);
            gauges.put("renkei_relay_processor_backlog", processor.backlog());
            gauges.put("renkei_relay_processed_sequence", processor.processedSequence());
            gauges.put("renkei_relay_messages_known", ledger.size());
            gauges.put("renkei_relay_retention_passes_total", retention.completedPasses());
            gauges.put("renkei_relay_journal_damaged_records", journal.damagedRecords().size());
            exchange.answer(200, "text/plain; version=0.0.4; charset=utf-8",
                    metrics.exposition(gauges).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        Server server = HttpsEndpoint.start(config, RelayTlsMaterial.ensure(config.home(), config.secretsFolder()), routes);
        LOG.log(System.Logger.Level.INFO, "relay listening on https://{0}:{1,number,#} ({2} registered offices)",
                config.bindAddress(), HttpsEndpoint.port(server), registry.size());
        retention.start();
        return new RelayServer(server, journal, processor, ledger, cardChecks, retention);
    }

    public int port() {
        return HttpsEndpoint.port(server);
    }

    @Override
    public void close() throws IOException {
        HttpsEndpoint.stop(server);
        retention.close();
        journal.close();
        processor.close();
        ledger.close();
        cardChecks.close();
        LOG.log(System.Logger.Level.INFO, "relay stopped at journal sequence {0}, processed {1}",
                journal.lastSequence(), processor.processedSequence());
    }
}
