package jp.renkei.relay.testing;

import static org.awaitility.Awaitility.await;

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
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import jp.renkei.relay.pki.FileSignature;
import jp.renkei.relay.pki.OfficeCertificateAuthority;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.PkiLayout;
import jp.renkei.relay.server.RelayConfig;
import jp.renkei.relay.tls.RelayTlsMaterial;

/**
 * An HTTPS client of one relay that trusts exactly the relay's certificate. The root client presents no certificate;
 * {@link #as} gives the client of one office, presenting a certificate the test home's office CA issues on first use;
 * {@link #with} one that presents any credentials (expired, foreign CA). Paths are sent as given (raw), so a test can
 * send the percent-encoded names an attacker would.
 */
public final class RelayClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(20);
    /** Test certificates are valid around every clock the tests set (2026) and a year beyond the real one. */
    private static final Instant VALID_FROM = Instant.parse("2025-01-01T00:00:00Z");

    private final URI base;
    private final Path relayCertificate;
    private final Path renkeiHome;
    private final OfficeCredentials credentials;
    private final SSLContext tls;
    private final HttpClient http;
    private final Map<String, RelayClient> offices;

    private RelayClient(URI base, Path relayCertificate, Path renkeiHome, OfficeCredentials credentials,
            Map<String, RelayClient> offices) throws IOException, GeneralSecurityException {
        this.base = base;
        this.relayCertificate = relayCertificate;
        this.renkeiHome = renkeiHome;
        this.credentials = credentials;
        this.tls = credentials == null ? RelayTlsMaterial.clientContext(relayCertificate)
                : credentials.clientContext(relayCertificate);
        this.http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.offices = offices;
    }

    /** A client of the relay of {@code config} listening on {@code port} on the loopback address. */
    public static RelayClient connect(RelayConfig config, int port) throws IOException, GeneralSecurityException {
        return new RelayClient(URI.create("https://127.0.0.1:" + port),
                PkiLayout.relayCertificate(config.home()), config.secretsFolder().getParent(), null,
                new ConcurrentHashMap<>());
    }

    /**
     * Creates the office CA of a test RENKEI_HOME and installs its certificate as the relay's trust anchor; the relay
     * reads it on start, so this runs before.
     */
    public static OfficeCertificateAuthority installOfficeCa(Path renkeiHome, Path relayHome) throws IOException {
        OfficeCertificateAuthority authority = OfficeCertificateAuthority.createOrLoad(PkiLayout.caFolder(renkeiHome),
                Clock.systemUTC());
        authority.installTrustIn(PkiLayout.relayTrustAnchor(relayHome));
        return authority;
    }

    /** The client of {@code office}: it presents the office's certificate (issued by the home's CA on first use). */
    public RelayClient as(String office) {
        return offices.computeIfAbsent(office, number -> {
            try {
                OfficeCertificateAuthority authority = OfficeCertificateAuthority.load(PkiLayout.caFolder(renkeiHome),
                        Clock.systemUTC());
                OfficeCredentials issued = authority.issue(number, VALID_FROM, Instant.now().plus(Duration.ofDays(365)));
                issued.writeTo(PkiLayout.agentFolder(renkeiHome, number));
                return new RelayClient(base, relayCertificate, renkeiHome, issued, offices);
            } catch (IOException | GeneralSecurityException failure) {
                throw new IllegalStateException("cannot issue test credentials for office " + number, failure);
            }
        });
    }

    /** A client presenting {@code other} (e.g. an expired certificate or one of a foreign CA). */
    public RelayClient with(OfficeCredentials other) throws IOException, GeneralSecurityException {
        return new RelayClient(base, relayCertificate, renkeiHome, other, offices);
    }

    /** The credentials {@link #as} presents for {@code office} (also written to the home's agent folder). */
    public OfficeCredentials credentials(String office) {
        return as(office).credentials;
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

    public Path relayCertificate() {
        return relayCertificate;
    }

    /** Uploads as {@code office}, signed with its key. */
    public Reply upload(String office, String rawFileName, byte[] content) throws IOException, InterruptedException {
        return upload(office, rawFileName, content, Map.of());
    }

    public Reply upload(String office, String rawFileName, byte[] content, Map<String, String> headers)
            throws IOException, InterruptedException {
        RelayClient sender = as(office);
        Map<String, String> signed = new HashMap<>(headers);
        signed.putIfAbsent(FileSignature.HEADER, sender.credentials.sign(rawFileName, content));
        return sender.post("/api/v1/files/" + rawFileName, content, signed);
    }

    public Reply inbox(String office) throws IOException, InterruptedException {
        return as(office).get("/api/v1/inbox");
    }

    public Reply download(String office, String rawFileName) throws IOException, InterruptedException {
        return as(office).get("/api/v1/inbox/" + rawFileName);
    }

    public Reply post(String rawPath, byte[] content) throws IOException, InterruptedException {
        return post(rawPath, content, Map.of());
    }

    public Reply post(String rawPath, byte[] content, Map<String, String> headers) throws IOException, InterruptedException {
        return send(request(rawPath, headers).POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    public Reply get(String rawPath) throws IOException, InterruptedException {
        return get(rawPath, Map.of());
    }

    public Reply get(String rawPath, Map<String, String> headers) throws IOException, InterruptedException {
        return send(request(rawPath, headers).GET());
    }

    public JsonNode health() throws IOException, InterruptedException {
        return get("/health", Map.of()).json();
    }

    /** Waits until the relay has routed every file up to {@code sequence}, failing after a generous limit. */
    public void awaitProcessed(long sequence) throws IOException, InterruptedException {
        await("the relay processing up to sequence " + sequence).atMost(WAIT_LIMIT)
                .pollInterval(Duration.ofMillis(10))
                .until(this::health, health -> health.get("processed_sequence").asLong() >= sequence);
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
