package jp.renkei.relay.testing;

import java.io.IOException;
import java.time.Clock;
import jp.renkei.relay.server.RelayConfig;
import jp.renkei.relay.server.RelayServer;

/** A relay started in this JVM on an ephemeral port, with a client for it; closing it twice is harmless. */
public final class RunningRelay implements AutoCloseable {
    private final RelayServer server;
    private final RelayClient client;
    private boolean closed;

    private RunningRelay(RelayServer server, RelayClient client) {
        this.server = server;
        this.client = client;
    }

    public static RunningRelay start(RelayConfig config, byte[] pseudonymKey, Clock clock) throws Exception {
        RelayServer server = RelayServer.start(config, pseudonymKey, clock);
        try {
            return new RunningRelay(server, RelayClient.connect(config, server.port()));
        } catch (Exception | Error failure) {
            server.close();
            throw failure;
        }
    }

    public RelayClient client() {
        return client;
    }

    public int port() {
        return server.port();
    }

    /** Stops accepting, drains the journal and the processor, and lands what is buffered. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            server.close();
        }
    }
}
