package jp.renkei.relay.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import jp.renkei.ingest.standard.FileKind;
import jp.renkei.ingest.standard.StandardFileName;
import jp.renkei.relay.pki.FileSignature;
import jp.renkei.relay.pki.OfficeCredentials;

/**
 * HTTPS clients of the abuse harness's offices, with their credentials: the honest office's in the harness, the
 * attacker's in its own process ({@link AbuseAttacker}).
 */
final class AbuseClients {
    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    private final URI base;
    private final Map<String, OfficeCredentials> credentials;
    private final Map<String, SSLContext> contexts = new ConcurrentHashMap<>();
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private final AtomicLong names;

    /** @param firstName where this client's file names start counting, so that two processes never reuse a name */
    AbuseClients(URI base, Map<String, OfficeCredentials> credentials, Path relayCertificate, long firstName)
            throws Exception {
        this.base = base;
        this.names = new AtomicLong(firstName);
        this.credentials = credentials;
        for (Map.Entry<String, OfficeCredentials> office : credentials.entrySet()) {
            SSLContext context = office.getValue().clientContext(relayCertificate);
            contexts.put(office.getKey(), context);
            clients.put(office.getKey(), HttpClient.newBuilder().sslContext(context)
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build());
        }
    }

    URI base() {
        return base;
    }

    SSLContext context(String office) {
        return contexts.get(office);
    }

    String nextName(String sender) {
        return new StandardFileName(FileKind.UPPLAN, Optional.of(MONTH), sender, "43", AbuseHarness.RECIPIENT, "11",
                LocalDateTime.of(2026, 11, 1, 0, 0).plusSeconds(names.getAndIncrement()), true).format();
    }

    String sign(String office, String name, byte[] content) {
        return credentials.get(office).sign(name, content);
    }

    /** Uploads and returns the status, with the error code when there is one ("413 RELAY-SIZE-002"). */
    String upload(String office, String name, byte[] content) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/files/" + name))
                .header(FileSignature.HEADER, sign(office, name, content))
                .header("X-Renkei-Message-Id", UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.US_ASCII)).toString())
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        return answer(clients.get(office).send(request, HttpResponse.BodyHandlers.ofString()));
    }

    String post(String office, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return answer(clients.get(office).send(request, HttpResponse.BodyHandlers.ofString()));
    }

    Set<String> inbox(String office) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/inbox")).timeout(Duration.ofSeconds(60))
                .GET().build();
        String body = clients.get(office).send(request, HttpResponse.BodyHandlers.ofString()).body();
        Set<String> names = new HashSet<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("files")
                .forEach(file -> names.add(file.asText()));
        return names;
    }

    private static String answer(HttpResponse<String> response) {
        int code = response.body().indexOf("\"code\"");
        if (response.statusCode() < 400 || code < 0) {
            return Integer.toString(response.statusCode());
        }
        int start = response.body().indexOf('"', code + 7) + 1;
        return response.statusCode() + " " + response.body().substring(start, response.body().indexOf('"', start));
    }
}
