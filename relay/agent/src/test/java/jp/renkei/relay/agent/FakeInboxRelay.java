package jp.renkei.relay.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.renkei.relay.pki.FileSignature;
import jp.renkei.relay.tls.RelayTlsMaterial;

/**
 * A stand-in relay over HTTPS that serves an inbox exactly as a test sets it up — including what a real relay never
 * delivers (bytes changed after signing, a signature of another office) — and records the acknowledgements.
 */
final class FakeInboxRelay implements AutoCloseable {
    private static final String INBOX = "/api/v1/inbox";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file as served: bytes and the headers the relay sends with them (null: header left out). */
    record Delivery(byte[] content, String signature, String signerCertificate, String sha256) {
    }

    private final HttpsServer server;
    private final Path certificate;
    private final Map<String, Delivery> inbox = new LinkedHashMap<>();
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();

    private FakeInboxRelay(HttpsServer server, Path certificate) {
        this.server = server;
        this.certificate = certificate;
    }

    /** Starts on an ephemeral loopback port with a fresh relay certificate under {@code folder}. */
    static FakeInboxRelay start(Path folder) throws Exception {
        RelayTlsMaterial tls = RelayTlsMaterial.ensure(folder.resolve("relay"), folder.resolve("secrets"));
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
        FakeInboxRelay relay = new FakeInboxRelay(server, tls.certificateFile());
        server.createContext(INBOX, relay::handle);
        server.start();
        return relay;
    }

    URI base() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The relay's certificate (PEM), for the agent to trust. */
    Path certificate() {
        return certificate;
    }

    synchronized void deliver(String name, Delivery delivery) {
        inbox.put(name, delivery);
    }

    /** The names acknowledged so far, in order. */
    List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String rest = path.substring(INBOX.length());
            if ("GET".equals(exchange.getRequestMethod()) && rest.isEmpty()) {
                List<String> names;
                synchronized (this) {
                    names = new ArrayList<>(inbox.keySet());
                }
                names.removeAll(acknowledged);
                answer(exchange, 200, JSON.writeValueAsBytes(Map.of("files", names)));
                return;
            }
            if ("POST".equals(exchange.getRequestMethod()) && rest.endsWith("/ack")) {
                acknowledged.add(rest.substring(1, rest.length() - "/ack".length()));
                answer(exchange, 200, "{\"status\":\"acknowledged\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Delivery delivery;
            synchronized (this) {
                delivery = inbox.get(rest.substring(1));
            }
            if (delivery == null) {
                answer(exchange, 404, "{\"code\":\"RELAY-INBOX-001\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            header(exchange, FileSignature.HEADER, delivery.signature());
            header(exchange, FileSignature.SIGNER_HEADER, delivery.signerCertificate());
            header(exchange, "X-Renkei-Sha256", delivery.sha256());
            answer(exchange, 200, delivery.content());
        }
    }

    private static void header(HttpExchange exchange, String name, String value) {
        if (value != null) {
            exchange.getResponseHeaders().set(name, value);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
