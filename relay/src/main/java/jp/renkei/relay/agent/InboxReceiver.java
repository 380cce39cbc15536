package jp.renkei.relay.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import jp.renkei.ingest.io.DurableFiles;
import jp.renkei.relay.journal.JournalEntry;

/**
 * Downloads an office's inbox into a folder and acknowledges each file once it is safely there (temp file, fsync,
 * rename, fsync of the folder). A file already in the folder with the same bytes is only acknowledged; nothing local
 * is ever deleted. The acknowledgement names the SHA-256 of what was stored, so a newer file of the same name that
 * arrived meanwhile is not acknowledged by mistake.
 */
public final class InboxReceiver {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one pass did. */
    public record Result(int downloaded, int alreadyPresent, int acknowledged) {
    }

    private final HttpClient client;
    private final URI relay;
    private final String token;
    private final String office;

    public InboxReceiver(URI relay, SSLContext tls, String token, String office) {
        this.client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.relay = relay;
        this.token = token;
        this.office = office;
    }

    /** Downloads and acknowledges every file now listed in the inbox. */
    public Result receiveAll(Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        int downloaded = 0;
        int present = 0;
        int acknowledged = 0;
        for (String name : list()) {
            Path local = folder.resolve(name);
            if (!local.normalize().getParent().equals(folder.normalize()) || name.startsWith(".")) {
                throw new IOException("the relay listed a name that is not a plain file name: " + name);
            }
            byte[] content = download(name);
            String sha256 = JournalEntry.sha256(content);
            if (Files.isRegularFile(local) && Arrays.equals(Files.readAllBytes(local), content)) {
                present++;
            } else {
                // A different file of the same name may not have been imported yet: keep both, never overwrite.
                Path target = Files.exists(local) ? folder.resolve(name + "." + sha256.substring(0, 12)) : local;
                DurableFiles.write(target, content);
                downloaded++;
            }
            acknowledge(name, sha256);
            acknowledged++;
        }
        return new Result(downloaded, present, acknowledged);
    }

    private List<String> list() throws IOException, InterruptedException {
        JsonNode answer = JSON.readTree(send(request("/api/v1/inbox").GET(), "list the inbox"));
        List<String> names = new ArrayList<>();
        answer.path("files").forEach(name -> names.add(name.asText()));
        return names;
    }

    private byte[] download(String name) throws IOException, InterruptedException {
        return send(request("/api/v1/inbox/" + encode(name)).GET(), "download " + name);
    }

    private void acknowledge(String name, String sha256) throws IOException, InterruptedException {
        send(request("/api/v1/inbox/" + encode(name) + "/ack").header("X-Renkei-Sha256", sha256)
                .POST(HttpRequest.BodyPublishers.noBody()), "acknowledge " + name);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(relay.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("X-Renkei-Office", office);
    }

    private byte[] send(HttpRequest.Builder request, String what) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("could not " + what + ": the relay answered " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
