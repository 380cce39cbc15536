package jp.renkei.relay.agent;

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
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLHandshakeException;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.standard.InvalidFileNameException;
import jp.renkei.ingest.standard.StandardFileName;
import jp.renkei.relay.pki.FileSignature;
import jp.renkei.relay.pki.OfficeCredentials;

/**
 * Uploads one office's files to the relay over mutual TLS with the office's client certificate, each signed with the
 * office key ({@value FileSignature#HEADER}) and carrying its client message id. A file is moved to {@code sent/} only
 * after the relay acknowledged it, to {@code rejected/} with the reason when the relay (or, for a file this office
 * cannot send, the agent itself) refuses it, and otherwise left in the outbox ({@link OutboxFolders}); busy answers and
 * failed connections are tried again ({@link UploadRetryPolicy}). {@link OutboxSender} runs one per office over a
 * whole outbox.
 */
public final class OutboxUploader {
    /** The file's name says another sender office than the one whose credentials the agent holds. */
    public static final String FOREIGN_SENDER = "AGENT-SENDER-001";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI relay;
    private final OfficeCredentials credentials;
    private final OutboxFolders folders;
    private final UploadRetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Consumer<String> warnings;

    /**
     * @param relayCertificate the relay's certificate (PEM), the only one this agent trusts
     * @param sentRoot acknowledged files go to {@code <sentRoot>/<outbox sub-folder>/}
     * @param rejectedRoot refused files go to {@code <rejectedRoot>/<outbox sub-folder>/} with {@code <name>.error.json}
     */
    public OutboxUploader(URI relay, OfficeCredentials credentials, Path relayCertificate, Path sentRoot,
            Path rejectedRoot) throws IOException, GeneralSecurityException {
        this(relay, credentials, relayCertificate, sentRoot, rejectedRoot, null, Sleeper.REAL);
    }

    /**
     * With a shorter first back-off (null: the production one), so a test of an unreachable relay does not wait the
     * production ~6 s, and the sleeper of a watching agent, which gives up the back-off when it is stopped. What the
     * agent could not send, and why, goes to standard error.
     */
    OutboxUploader(URI relay, OfficeCredentials credentials, Path relayCertificate, Path sentRoot, Path rejectedRoot,
            Duration firstBackOff, Sleeper sleeper) throws IOException, GeneralSecurityException {
        this.client = HttpClient.newBuilder().sslContext(credentials.clientContext(relayCertificate))
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.relay = relay;
        this.credentials = credentials;
        this.folders = new OutboxFolders(sentRoot, rejectedRoot);
        this.retryPolicy = firstBackOff != null ? UploadRetryPolicy.DEFAULT.withFirstBackOff(firstBackOff)
                : UploadRetryPolicy.DEFAULT;
        this.sleeper = sleeper;
        this.warnings = System.err::println;
    }

    /** The office this agent sends for: the one its certificate names. */
    public String office() {
        return credentials.officeNumber();
    }

    /**
     * Uploads one file, retrying on 5xx, 429 and connection failures with doubling back-off (given up early, the file
     * left in the outbox, when the agent is stopping). Every attempt carries
     * the same client message id, so a retry of a file the relay had journaled (its answer lost) is answered 200 as a
     * duplicate and delivered once. A file whose name is not a standard name or names another sender office is not
     * sent at all: the relay would refuse it, and the office's certificate proves only this office.
     *
     * @throws AgentRefusedException the relay refused the office's certificate, or the relay's certificate is not the
     *                               trusted one: no file can be sent until that is fixed
     */
    public UploadOutcome upload(Path file) throws IOException, InterruptedException {
        String name = file.getFileName().toString();
        Optional<String> named = senderOrReject(folders, file, warnings);
        if (named.isEmpty()) {
            return UploadOutcome.REJECTED;
        }
        String sender = named.get();
        if (!sender.equals(office())) {
            rejectLocally(folders, file, warnings, FOREIGN_SENDER, "the file names sender office " + sender + " but this agent "
                    + "holds the credentials of office " + office() + ", and the relay accepts a file only from its "
                    + "sender's certificate; send it with office " + sender + "'s credentials (renkei-agent send "
                    + "--credentials <that office's agent folder>) or correct the file name",
                    "ファイル名の送信元事業所（" + sender + "）が、この連携ソフトの事業所（" + office()
                            + "）と異なるため送信しませんでした。送信元事業所の証明書で送るか、ファイル名を確認してください。");
            return UploadOutcome.REJECTED;
        }
        byte[] content = Files.readAllBytes(file);
        HttpRequest request = HttpRequest.newBuilder(relay.resolve("/api/v1/files/" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("X-Renkei-Message-Id", ClientMessageId.of(office(), name, content))
                .header(FileSignature.HEADER, credentials.sign(name, content))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(content))
                .build();
        Duration backOff = retryPolicy.firstBackOff();
        int attempts = retryPolicy.maximumAttempts();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 202 || status == 200) {
                    folders.sent(file);
                    return status == 202 ? UploadOutcome.ACKNOWLEDGED : UploadOutcome.DUPLICATE;
                }
                String code = codeOf(response.body());
                if (status == 401 || (status == 403 && code.startsWith("RELAY-CERT-"))) {
                    // The office's certificate is wrong, not this file: stop before every file lands in rejected/.
                    throw new AgentRefusedException("the relay refused the certificate of office " + office() + " ("
                            + credentials + "): HTTP " + status + " " + response.body() + " — issue new credentials with "
                            + "`renkei-relay ca issue --office " + office() + "` (or ask the relay operator); the outbox "
                            + "is left as it is");
                }
                if (UploadRetryPolicy.refusesTheFile(status)) {
                    folders.rejected(file, response.body());
                    return UploadOutcome.REJECTED;
                }
                backOff = UploadRetryPolicy.pauseAfter(response, backOff);
            } catch (AgentRefusedException certificate) {
                throw certificate;
            } catch (SSLHandshakeException handshake) {
                if (causedByCertificate(handshake)) {
                    // No retry makes a certificate trusted: stop before waiting out every file's back-off.
                    throw new AgentRefusedException("the TLS handshake with the relay at " + relay + " failed on a "
                            + "certificate (" + handshake.getMessage() + "): check that --relay-certificate is the "
                            + "relay's tls/relay-cert.pem and that the address matches it; the outbox is left as it is");
                }
                if (attempt == attempts) {
                    warnings.accept("agent: " + name + " not sent after " + attempt + " attempts: " + handshake);
                }
            } catch (IOException connectionFailure) {
                if (attempt == attempts) {
                    warnings.accept("agent: " + name + " not sent after " + attempt + " attempts: " + connectionFailure);
                }
            }
            if (attempt == attempts || !sleeper.sleep(backOff)) {
                break;
            }
            backOff = UploadRetryPolicy.doubled(backOff);
        }
        return UploadOutcome.NOT_SENT;
    }

    private static boolean causedByCertificate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    private static String codeOf(String answer) {
        try {
            return JSON.readTree(answer).path("code").asText("");
        } catch (IOException notJson) {
            return "";
        }
    }

    /** The sender office in the file's standard name; empty after moving a file with another name to rejected/. */
    static Optional<String> senderOrReject(OutboxFolders folders, Path file, Consumer<String> warnings)
            throws IOException {
        try {
            return Optional.of(StandardFileName.parse(file.getFileName().toString()).senderOffice());
        } catch (InvalidFileNameException notStandard) {
            Finding finding = notStandard.finding();
            rejectLocally(folders, file, warnings, finding.code(), finding.messageEn(), finding.messageJa());
            return Optional.empty();
        }
    }

    private static void rejectLocally(OutboxFolders folders, Path file, Consumer<String> warnings, String code,
            String message, String messageJa) throws IOException {
        folders.rejectedLocally(file, code, message, messageJa);
        warnings.accept("agent: " + file.getFileName() + " not sent (" + code + "): " + message);
    }

    /** The relay refused the office's certificate, or its own is not trusted: no retry and no other file can fix it. */
    static final class AgentRefusedException extends IOException {
        AgentRefusedException(String message) {
            super(message);
        }
    }
}
