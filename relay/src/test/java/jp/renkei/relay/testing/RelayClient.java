package jp.renkei.relay.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import jp.renkei.relay.server.AgentToken;
import jp.renkei.relay.server.RelayConfig;
import jp.renkei.relay.tls.RelayTlsMaterial;

/**
 * An HTTPS client of one relay that trusts exactly the relay's certificate. Paths are sent as given (raw), so a test
 * can send the percent-encoded names an attacker would.
 */
public final class RelayClient {
    public static final String OFFICE_HEADER = "X-Renkei-Office";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(20);

    private final URI base;
    private final SSLContext tls;
    private final String token;
    private final HttpClient http;

    public RelayClient(URI base, SSLContext tls, String token) {
        this.base = base;
        this.tls = tls;
        this.token = token;
        this.http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A client of the relay of {@code config} listening on {@code port} on the loopback address. */
    public static RelayClient connect(RelayConfig config, int port) throws IOException, GeneralSecurityException {
        return new RelayClient(URI.create("https://127.0.0.1:" + port),
                RelayTlsMaterial.clientContext(config.home().resolve("tls").resolve("relay-cert.pem")),
                AgentToken.read(config.secretsFolder()));
    }

    /** One answer of the relay. */
    public record Reply(int status, HttpHeaders headers, byte[] body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                throw new UncheckedIOException("not JSON: " + text(), notJson);
            }
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The error code of a refusal, or null. */
        public String code() {
            return json().path("code").asText(null);
        }
    }

    public URI base() {
        return base;
    }

    public SSLContext tls() {
        return tls;
    }

    public String token() {
        return token;
    }

    /** The headers an agent of {@code office} sends: its bearer token and its office number. */
    public Map<String, String> agentOf(String office) {
        return Map.of("Authorization", "Bearer " + token, OFFICE_HEADER, office);
    }

    public Reply upload(String office, String rawFileName, byte[] content) throws IOException, InterruptedException {
        return post("/api/v1/files/" + rawFileName, content, agentOf(office));
    }

    public Reply inbox(String office) throws IOException, InterruptedException {
        return get("/api/v1/inbox", agentOf(office));
    }

    public Reply download(String office, String rawFileName) throws IOException, InterruptedException {
        return get("/api/v1/inbox/" + rawFileName, agentOf(office));
    }

    public Reply post(String rawPath, byte[] content, Map<String, String> headers) throws IOException, InterruptedException {
        return send(request(rawPath, headers).POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    public Reply get(String rawPath, Map<String, String> headers) throws IOException, InterruptedException {
        return send(request(rawPath, headers).GET());
    }

    public JsonNode health() throws IOException, InterruptedException {
        return get("/health", Map.of()).json();
    }

    /** Waits until the relay has routed every file up to {@code sequence}, failing after a generous limit. */
    public void awaitProcessed(long sequence) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
        JsonNode health = health();
        while (health.get("processed_sequence").asLong() < sequence) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the relay did not process up to sequence " + sequence + " within " + WAIT_LIMIT
                        + "; health: " + health);
            }
            Thread.sleep(10);
            health = health();
        }
    }

    private HttpRequest.Builder request(String rawPath, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + rawPath)).timeout(TIMEOUT);
        headers.forEach(request::header);
        return request;
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.headers(), response.body());
    }
}
