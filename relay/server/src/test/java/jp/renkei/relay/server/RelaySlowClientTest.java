package jp.renkei.relay.server;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.OTHER_CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.testing.RelayClient.Reply;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certified office opens more uploads than the relay has workers and trickles their bodies (one byte, then nothing).
 * Before, each held a worker for the connector's idle timeout per byte, and the relay answered nobody meanwhile. Now
 * the office gets at most {@link RelayConfig#DEFAULT_OFFICE_UPLOADS_IN_FLIGHT} bodies in flight (the rest 429 at once),
 * another office is answered at once, and a stalled body ends after {@link UploadBodyReader.READ_STALL}.
 */
class RelaySlowClientTest {
    private static final int TRICKLING_UPLOADS = 80;
    private static final Duration HONEST_LIMIT = Duration.ofSeconds(5);

    @TempDir
    Path folder;

    @Test
    void tricklingUploadsFromOneOfficeTakeOnlyItsShareAndEndAfterTheStallLimit() throws Exception {
        RelayHome home = RelayHome.create(folder, CARE_MANAGER, HOME_HELP, OTHER_CARE_MANAGER);
        try (RunningRelay relay = home.start(new Properties(), Clock.systemUTC())) {
            RelayClient client = relay.client();
            OfficeCredentials attacker = client.credentials(CARE_MANAGER);
            SSLContext context = attacker.clientContext(client.relayCertificate());
            List<SSLSocket> trickling = new ArrayList<>();
            try {
                for (int i = 0; i < TRICKLING_UPLOADS; i++) {
                    trickling.add(startTrickling(context, relay.port(), attacker, i));
                }
                int refusedAtOnce = 0;
                for (SSLSocket socket : trickling) {
                    if (statusLine(socket, Duration.ofSeconds(2)).startsWith("HTTP/1.1 429")) {
                        refusedAtOnce++;
                    }
                }
                assertThat(refusedAtOnce).as("all but the office's share are refused before their bodies are read")
                        .isGreaterThanOrEqualTo(TRICKLING_UPLOADS - RelayConfig.DEFAULT_OFFICE_UPLOADS_IN_FLIGHT);

                String name = ScheduleFiles.name(OTHER_CARE_MANAGER, HOME_HELP, SENT_AT);
                Reply honest = CompletableFuture.supplyAsync(() -> upload(client, OTHER_CARE_MANAGER, name, "2000000001"))
                        .get(HONEST_LIMIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(honest.status()).as(honest.text()).isEqualTo(202);

                // Once the stalled bodies end, the office's own honest upload goes through again.
                String own = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusHours(1));
                await("the trickling office's share is free again")
                        .atMost(UploadBodyReader.READ_STALL.multipliedBy(3)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> upload(client, CARE_MANAGER, own, "2000000002").status() == 202);
            } finally {
                for (SSLSocket socket : trickling) {
                    socket.close();
                }
            }
        }
    }

    private static Reply upload(RelayClient client, String office, String name, String person) {
        try {
            return client.upload(office, name, ScheduleFiles.plan(HOME_HELP, person));
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** Sends the headers of a signed upload and the body's first byte, then nothing more. */
    private static SSLSocket startTrickling(SSLContext context, int port, OfficeCredentials office, int index)
            throws Exception {
        String name = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusSeconds(index));
        byte[] plan = ScheduleFiles.plan(HOME_HELP, String.format("10000000%02d", index));
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.startHandshake();
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/files/" + name + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + plan.length
                + "\r\nX-Renkei-Signature: " + office.sign(name, plan) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(plan, 0, 1);
        out.flush();
        return socket;
    }

    /** The response's status line, or "" when none came within {@code wait}. */
    private static String statusLine(SSLSocket socket, Duration wait) throws Exception {
        socket.setSoTimeout((int) wait.toMillis());
        try {
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return line == null ? "" : line;
        } catch (SocketTimeoutException stillReceiving) {
            return "";
        }
    }
}
