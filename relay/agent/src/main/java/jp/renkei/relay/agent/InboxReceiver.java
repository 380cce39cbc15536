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
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.renkei.ingest.io.DurableFiles;
import jp.renkei.relay.pki.FileDigest;
import jp.renkei.relay.pki.FileSignature;
import jp.renkei.relay.pki.OfficeCertificateVerifier;
import jp.renkei.relay.pki.OfficeCredentials;

/**
 * Downloads an office's inbox over mutual TLS with the office's client certificate, checks each file's sender
 * signature itself ({@link ReceivedFileCheck}), and acknowledges each file once it is safely in the folder (temp
 * file, fsync, rename, fsync of the folder). A file already in the folder with the same bytes is only acknowledged;
 * nothing local is ever deleted or overwritten. The acknowledgement names the SHA-256 of what was stored, so a newer
 * file of the same name that arrived meanwhile is not acknowledged by mistake.
 *
 * <p>A file whose signature is not proven is neither stored in the folder nor acknowledged (the relay keeps offering
 * it): its bytes go to a quarantine folder with a {@code .reason.txt} saying why.
 */
public final class InboxReceiver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHA256_HEADER = "X-Renkei-Sha256";

    /** What one pass did. */
    public record Result(int downloaded, int alreadyPresent, int acknowledged, int quarantined) {
    }

    private final HttpClient client;
    private final URI relay;
    private final String office;
    private final ReceivedFileCheck check;
    private final Clock clock;

    /**
     * @param relayCertificate the relay's certificate (PEM), the only one this agent trusts
     * @param signers proves the senders' certificates, normally {@link #signerVerifier} of the agent folder
     */
    public InboxReceiver(URI relay, OfficeCredentials credentials, Path relayCertificate, OfficeCertificateVerifier signers)
            throws IOException, GeneralSecurityException {
        this.client = HttpClient.newBuilder().sslContext(credentials.clientContext(relayCertificate))
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.relay = relay;
        this.office = credentials.officeNumber();
        this.check = new ReceivedFileCheck(signers, credentials.officeNumber());
        this.clock = Clock.systemUTC();
    }

    /**
     * The verifier of senders' certificates for an agent: the office CA certificate in {@code agentFolder}
     * ({@value OfficeCredentials#CA_CERTIFICATE_FILE}) and, when given, a revocation list (as the relay's
     * {@code revoked-serials.txt}; it must exist: a missing list is refused, like a malformed one).
     */
    public static OfficeCertificateVerifier signerVerifier(Path agentFolder, Path revokedSerialsOrNull) throws IOException {
        return OfficeCertificateVerifier.load(agentFolder.resolve(OfficeCredentials.CA_CERTIFICATE_FILE),
                revokedSerialsOrNull, Clock.systemUTC());
    }

    /** {@link #receiveAll(Path, Path)} with the quarantine folder {@code quarantine/} beside {@code folder}. */
    public Result receiveAll(Path folder) throws IOException, InterruptedException {
        return receiveAll(folder, defaultQuarantine(folder));
    }

    /** {@code quarantine/} beside the inbox folder. */
    public static Path defaultQuarantine(Path folder) {
        return folder.toAbsolutePath().normalize().resolveSibling("quarantine");
    }

    /** Downloads, checks and acknowledges every file now listed in the inbox. */
    public Result receiveAll(Path folder, Path quarantine) throws IOException, InterruptedException {
        return receiveAll(folder, quarantine, Sleeper.REAL);
    }

    /** {@link #receiveAll(Path, Path)} that starts no further file once {@code stop} is stopping. */
    Result receiveAll(Path folder, Path quarantine, Sleeper stop) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        int downloaded = 0;
        int present = 0;
        int acknowledged = 0;
        int quarantined = 0;
        for (String name : list()) {
            if (stop.stopping()) {
                break;
            }
            Path local = folder.resolve(name);
            if (!local.normalize().getParent().equals(folder.normalize()) || name.startsWith(".")) {
                throw new IOException("the relay listed a name that is not a plain file name: " + name);
            }
            HttpResponse<byte[]> download = download(name);
            byte[] content = download.body();
            ReceivedFileCheck.Verdict verdict = check.check(name, content,
                    download.headers().firstValue(FileSignature.HEADER).orElse(null),
                    download.headers().firstValue(FileSignature.SIGNER_HEADER).orElse(null),
                    download.headers().firstValue(SHA256_HEADER).orElse(null));
            if (verdict instanceof ReceivedFileCheck.Refused refused) {
                quarantine(quarantine, name, content, refused);
                quarantined++;
                continue;
            }
            String sha256 = FileDigest.sha256(content);
            if (Files.isRegularFile(local) && Arrays.equals(Files.readAllBytes(local), content)) {
                present++;
            } else {
                // A different file of the same name may not have been imported yet: keep both, never overwrite.
                DurableFiles.write(besideAnyOther(local, content, sha256), content);
                downloaded++;
            }
            acknowledge(name, sha256);
            acknowledged++;
        }
        return new Result(downloaded, present, acknowledged, quarantined);
    }

    /**
     * Keeps the bytes (never over another file) with {@code <stored name>.reason.txt}, and says so on stderr. A file
     * quarantined by an earlier pass with the same bytes is not written again.
     */
    private void quarantine(Path quarantine, String name, byte[] content, ReceivedFileCheck.Refused refused)
            throws IOException {
        jp.renkei.ingest.io.DurableFiles.createOwnerOnlyFolder(quarantine);
        String sha256 = FileDigest.sha256(content);
        Path target = besideAnyOther(quarantine.resolve(name), content, sha256);
        if (Files.exists(target)) {
            return; // quarantined and reported by an earlier pass (a watching agent sees it every poll)
        }
        DurableFiles.write(target, content);
        String note = "code:       " + refused.code() + "\n"
                + "file:       " + name + "\n"
                + "sha256:     " + sha256 + "\n"
                + "received:   " + clock.instant() + " from " + relay + "\n"
                + "reason:     " + refused.reason() + "\n"
                + "what to do: do not import this copy. It was not acknowledged, so the relay keeps it in the inbox "
                + "and the next receive checks it again. Ask the sender office to send the file again; if it happens "
                + "again, tell the relay operator (the file or its signature was changed on the way).\n";
        DurableFiles.write(target.resolveSibling(target.getFileName() + ".reason.txt"),
                note.getBytes(StandardCharsets.UTF_8));
        System.err.println("agent: " + name + " quarantined, not acknowledged (" + refused.code() + "): "
                + refused.reason() + "; see " + target + ".reason.txt");
    }

    /** {@code wanted}, or when another file of that name is there, {@code <name>.<sha256 prefix>} beside it. */
    private static Path besideAnyOther(Path wanted, byte[] content, String sha256) throws IOException {
        if (!Files.exists(wanted) || (Files.isRegularFile(wanted) && Arrays.equals(Files.readAllBytes(wanted), content))) {
            return wanted;
        }
        return wanted.resolveSibling(wanted.getFileName() + "." + sha256.substring(0, 12));
    }

    private List<String> list() throws IOException, InterruptedException {
        JsonNode answer = JSON.readTree(send(request("/api/v1/inbox").GET(), "list the inbox").body());
        List<String> names = new ArrayList<>();
        answer.path("files").forEach(name -> names.add(name.asText()));
        return names;
    }

    private HttpResponse<byte[]> download(String name) throws IOException, InterruptedException {
        return send(request("/api/v1/inbox/" + encode(name)).GET(), "download " + name);
    }

    private void acknowledge(String name, String sha256) throws IOException, InterruptedException {
        send(request("/api/v1/inbox/" + encode(name) + "/ack").header(SHA256_HEADER, sha256)
                .POST(HttpRequest.BodyPublishers.noBody()), "acknowledge " + name);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(relay.resolve(path)).timeout(Duration.ofSeconds(60));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, String what) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            boolean certificateRefused = response.statusCode() == 401
                    || (response.statusCode() == 403 && body.contains("\"RELAY-CERT-"));
            throw new IOException("could not " + what + ": the relay answered " + response.statusCode() + " " + body
                    + (certificateRefused ? " — the relay refused the certificate of office " + office + "; issue new "
                            + "credentials with `renkei-relay ca issue --office " + office + "` (or ask the relay operator)"
                            : ""));
        }
        return response;
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
