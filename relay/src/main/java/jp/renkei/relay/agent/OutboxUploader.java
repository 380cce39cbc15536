package jp.renkei.relay.agent;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * Uploads {@code outbox/<office>/*} to the relay. Offices upload in parallel; each office's files go one after the
 * other in send-unit order (timestamp, then name), so a receiver sees them in the order the standard asks for.
 */
public final class OutboxUploader {
    private static final int MAXIMUM_ATTEMPTS = 6;
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(200);

    private final HttpClient client;
    private final URI relay;
    private final String token;
    private final Path sentRoot;
    private final Path rejectedRoot;
    private final Duration firstBackOff;

    public OutboxUploader(URI relay, SSLContext tls, String token, Path sentRoot, Path rejectedRoot) {
        this(relay, tls, token, sentRoot, rejectedRoot, FIRST_BACK_OFF);
    }

    /** With a shorter first back-off, so a test of an unreachable relay does not wait the production ~12 s. */
    OutboxUploader(URI relay, SSLContext tls, String token, Path sentRoot, Path rejectedRoot, Duration firstBackOff) {
        this.client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.relay = relay;
        this.token = token;
        this.sentRoot = sentRoot;
        this.rejectedRoot = rejectedRoot;
        this.firstBackOff = firstBackOff;
    }

    /** Uploads every file under the outbox and returns how many ended in each outcome. */
    public Map<UploadOutcome, Integer> uploadAll(Path outbox, int parallelOffices, Consumer<String> progress)
            throws IOException, InterruptedException {
        List<Path> offices;
        try (Stream<Path> folders = Files.list(outbox)) {
            offices = folders.filter(Files::isDirectory).sorted().toList();
        }
        int total = 0;
        for (Path office : offices) {
            total += filesOf(office).size();
        }
        Map<UploadOutcome, AtomicInteger> counts = new EnumMap<>(UploadOutcome.class);
        for (UploadOutcome outcome : UploadOutcome.values()) {
            counts.put(outcome, new AtomicInteger());
        }
        AtomicInteger done = new AtomicInteger();
        int grandTotal = total;
        ExecutorService pool = Executors.newFixedThreadPool(parallelOffices);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Path office : offices) {
                futures.add(pool.submit(() -> {
                    for (Path file : filesOf(office)) {
                        counts.get(upload(office.getFileName().toString(), file)).incrementAndGet();
                        progress.accept(done.incrementAndGet() + "/" + grandTotal + " files");
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (java.util.concurrent.ExecutionException failure) {
            throw new IOException("upload failed: " + failure.getCause().getMessage(), failure.getCause());
        } finally {
            pool.shutdown();
        }
        Map<UploadOutcome, Integer> result = new EnumMap<>(UploadOutcome.class);
        counts.forEach((outcome, count) -> result.put(outcome, count.get()));
        return result;
    }

    /**
     * Uploads one file of {@code office}, retrying on 5xx, 429 and connection failures with doubling back-off. Every
     * attempt carries the same client message id, so a retry of a file the relay had journaled (its answer lost) is
     * answered 200 as a duplicate and delivered once.
     */
    public UploadOutcome upload(String office, Path file) throws IOException, InterruptedException {
        String name = file.getFileName().toString();
        byte[] content = Files.readAllBytes(file);
        HttpRequest request = HttpRequest.newBuilder(relay.resolve("/api/v1/files/" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token)
                .header("X-Renkei-Office", office)
                .header("X-Renkei-Message-Id", ClientMessageId.of(office, name, content))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(content))
                .build();
        Duration backOff = firstBackOff;
        for (int attempt = 1; attempt <= MAXIMUM_ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 202 || status == 200) {
                    moveTo(sentRoot.resolve(office), file, null);
                    return UploadOutcome.ACKNOWLEDGED;
                }
                if (status == 401 || (status == 400 && response.body().contains("RELAY-OFFICE-"))) {
                    // The agent's own configuration is wrong, not this file: stop before every file lands in rejected/.
                    throw new AgentRefusedException("the relay refused this agent (HTTP " + status + "): " + response.body()
                            + " — check the agent token (RENKEI_RELAY_TOKEN or secrets/relay-agent.token) and the office"
                            + " folder names; the outbox is left as it is");
                }
                if (status >= 400 && status < 500 && status != 429) {
                    moveTo(rejectedRoot.resolve(office), file, response.body());
                    return UploadOutcome.REJECTED;
                }
                backOff = retryAfter(response).orElse(backOff);
            } catch (AgentRefusedException configuration) {
                throw configuration;
            } catch (IOException connectionFailure) {
                if (attempt == MAXIMUM_ATTEMPTS) {
                    System.err.println("agent: " + name + " not sent after " + attempt + " attempts: " + connectionFailure);
                }
            }
            Thread.sleep(backOff.toMillis());
            backOff = backOff.multipliedBy(2);
        }
        return UploadOutcome.NOT_SENT;
    }

    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").filter(value -> value.matches("\\d{1,4}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value)));
    }

    private static void moveTo(Path folder, Path file, String answer) throws IOException {
        Files.createDirectories(folder);
        Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        if (answer != null) {
            Files.writeString(folder.resolve(file.getFileName() + ".error.json"), answer, StandardCharsets.UTF_8);
        }
    }

    /** Send-unit order: by the trailing timestamp, then by name (UPPLAN before UPSIKYU within a unit). */
    static List<Path> filesOf(Path officeFolder) throws IOException {
        try (Stream<Path> files = Files.list(officeFolder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing((Path file) -> timestampOf(file.getFileName().toString()))
                            .thenComparing(file -> file.getFileName().toString()))
                    .toList();
        }
    }

    private static String timestampOf(String name) {
        int dot = name.lastIndexOf('.');
        int underscore = name.lastIndexOf('_');
        return underscore >= 0 && dot > underscore ? name.substring(underscore + 1, dot) : name;
    }

    /** The relay refused the agent itself (token, office), which no retry and no other file can fix. */
    static final class AgentRefusedException extends IOException {
        AgentRefusedException(String message) {
            super(message);
        }
    }
}
