package jp.renkei.relay.server;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.landing.LandingWriter;
import jp.renkei.ingest.pseudonym.PersonPseudonymizer;
import jp.renkei.relay.cardcheck.CardCheckHandler;
import jp.renkei.relay.cardcheck.CardCheckLanding;
import jp.renkei.relay.journal.Journal;
import jp.renkei.relay.journal.JournalEntry;
import jp.renkei.relay.receipt.MessageLedger;
import jp.renkei.relay.routing.ExchangeLanding;
import jp.renkei.relay.routing.Inboxes;
import jp.renkei.relay.routing.OfficeRegistry;
import jp.renkei.relay.routing.RelayProcessor;
import jp.renkei.relay.tls.RelayTlsMaterial;
import jp.renkei.ingest.standard.StandardFile;

/**
 * A running relay: HTTPS server, journal, processor. {@link #start} recovers from the journal before it accepts
 * uploads; {@link #close} stops accepting, lets the journal and the processor drain, and lands what is buffered.
 */
public final class RelayServer implements Closeable {
    private static final System.Logger LOG = System.getLogger(RelayServer.class.getName());

    private final HttpsServer server;
    private final ExecutorService handlers;
    private final Journal journal;
    private final RelayProcessor processor;
    private final MessageLedger ledger;
    private final CardCheckLanding cardChecks;

    private RelayServer(HttpsServer server, ExecutorService handlers, Journal journal, RelayProcessor processor,
            MessageLedger ledger, CardCheckLanding cardChecks) {
        this.server = server;
        this.handlers = handlers;
        this.journal = journal;
        this.processor = processor;
        this.ledger = ledger;
        this.cardChecks = cardChecks;
    }

    public static RelayServer start(RelayConfig config, byte[] pseudonymKey, Clock clock)
            throws IOException, GeneralSecurityException, InputRejectedException {
        // Without this the JDK server waits on Nagle + delayed ACK, ~40 ms per response (STACK.md).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        OfficeRegistry registry = OfficeRegistry.fromRoster(config.registryRoster());
        Inboxes inboxes = new Inboxes(config.home());
        java.nio.file.Path checkpoint = config.home().resolve("landing.checkpoint");
        ExchangeLanding landing = new ExchangeLanding(new LandingWriter(config.landingRoot(), clock),
                new PersonPseudonymizer(pseudonymKey), checkpoint);
        MessageLedger ledger = new MessageLedger();
        RelayProcessor processor = new RelayProcessor(registry, inboxes, landing, ledger, clock,
                config.landingFlushIntervalMillis(), config.landingFlushRows());
        long recoveryStarted = System.nanoTime();
        long landedUpTo = ExchangeLanding.readCheckpoint(checkpoint);
        List<JournalEntry> replay = new ArrayList<>();
        Journal journal = Journal.open(config.home().resolve("journal").resolve("journal.log"),
                config.journalQueueCapacity(), config.journalMaximumBatch(),
                entry -> {
                    ledger.journaled(entry);
                    if (entry.sequence() > landedUpTo) {
                        replay.add(entry);
                    }
                },
                (entry, parsed) -> {
                    ledger.journaled(entry);
                    processor.submit(entry, (StandardFile) parsed);
                });
        ledger.recover(config.home().resolve("journal").resolve("receipts.log"));
        processor.onFailure(fatal -> journal.refuseFromNowOn("the relay processor stopped (" + fatal
                + "); uploads would be stored but not delivered — restart the relay to replay them"));
        replay.forEach(entry -> processor.submit(entry, null));
        processor.start();
        LOG.log(System.Logger.Level.INFO, "recovered {0} journal record(s) in {1} ms; replaying {2} after sequence {3}",
                Long.toString(journal.lastSequence()), Long.toString((System.nanoTime() - recoveryStarted) / 1_000_000),
                Integer.toString(replay.size()), Long.toString(landedUpTo));

        HttpsServer server = HttpsServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 256);
        server.setHttpsConfigurator(new HttpsConfigurator(
                RelayTlsMaterial.ensure(config.home(), config.secretsFolder()).serverContext()));
        AgentToken token = AgentToken.load(config.secretsFolder());
        server.createContext(UploadHandler.PATH, new UploadHandler(token, journal, ledger, config.maximumFileBytes(), clock));
        server.createContext(InboxHandler.PATH, new InboxHandler(token, inboxes, ledger, clock));
        server.createContext(ReceiptHandler.PATH, new ReceiptHandler(token, ledger));
        CardCheckLanding cardChecks = new CardCheckLanding(new LandingWriter(config.landingRoot(), clock),
                new PersonPseudonymizer(pseudonymKey), config.landingFlushIntervalMillis(), config.landingFlushRows());
        server.createContext(CardCheckHandler.PATH,
                CardCheckHandler.create(config.cardCheck(), token::accepts, cardChecks, clock));
        server.createContext("/health", exchange -> {
            try (exchange) {
                Map<String, Object> health = new LinkedHashMap<>();
                boolean healthy = processor.failure() == null;
                health.put("status", healthy ? "ok" : "processor-stopped");
                health.put("journal_sequence", journal.lastSequence());
                health.put("processed_sequence", processor.processedSequence());
                health.put("journal_queue_depth", journal.queueDepth());
                health.put("processor_backlog", processor.backlog());
                health.put("journal_forces", journal.forceCount());
                health.put("registered_offices", registry.size());
                health.put("messages_known", ledger.size());
                HttpReplies.json(exchange, healthy ? 200 : 503, health);
            }
        });
        ExecutorService handlers = Executors.newFixedThreadPool(config.handlerThreads());
        server.setExecutor(handlers);
        server.start();
        LOG.log(System.Logger.Level.INFO, "relay listening on https://{0}:{1,number,#} ({2} registered offices)",
                config.bindAddress(), server.getAddress().getPort(), registry.size());
        return new RelayServer(server, handlers, journal, processor, ledger, cardChecks);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(1);
        handlers.shutdown();
        try {
            handlers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        journal.close();
        processor.close();
        ledger.close();
        cardChecks.close();
        LOG.log(System.Logger.Level.INFO, "relay stopped at journal sequence {0}, processed {1}",
                journal.lastSequence(), processor.processedSequence());
    }
}
