package jp.renkei.relay.server;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.OTHER_CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import jp.renkei.relay.pki.OfficeCertificateAuthority;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.PkiLayout;
import jp.renkei.relay.pki.RevokedSerials;
import jp.renkei.relay.testing.CapturedLogs;
import jp.renkei.relay.testing.RelayClient.Reply;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what, over real mutual TLS: every refusal has its status and code, journals nothing and is logged with
 * its code; an office is what its certificate says, never what a header says.
 */
class RelayIdentityTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String NAME = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT);
    private static final byte[] PLAN = ScheduleFiles.plan(HOME_HELP, "1234567890");

    @TempDir
    Path folder;
    @TempDir
    Path foreignFolder;
    private RelayHome home;
    private RunningRelay relay;
    private RelayClient client;
    private CapturedLogs logs;

    @BeforeEach
    void startRelay() throws Exception {
        logs = new CapturedLogs();
        home = RelayHome.create(folder, CARE_MANAGER, HOME_HELP, OTHER_CARE_MANAGER);
        relay = home.start(new Properties(), CLOCK);
        client = relay.client();
    }

    @AfterEach
    void stopRelay() throws Exception {
        relay.close();
        logs.close();
    }

    @Test
    void anExpiredCertificateIsRefusedAndSaysSo() throws Exception {
        OfficeCredentials expired = authority().issue(CARE_MANAGER, NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(35)));

        Reply reply = signedUpload(client.with(expired), expired);

        assertRefused(reply, 401, "RELAY-CERT-003");
        assertThat(reply.text()).contains("expired");
    }

    @Test
    void aCertificateOfAnotherCaIsRefusedEvenForARealOfficeNumber() throws Exception {
        OfficeCertificateAuthority foreign = OfficeCertificateAuthority.createOrLoad(foreignFolder, Clock.systemUTC());
        OfficeCredentials impostor = foreign.issue(CARE_MANAGER, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));

        assertRefused(signedUpload(client.with(impostor), impostor), 401, "RELAY-CERT-002");
        assertRefused(client.with(impostor).get("/api/v1/inbox"), 401, "RELAY-CERT-002");
    }

    @Test
    void aRevokedCertificateIsRefusedOnceTheRelayHasLookedAtTheListAgain() throws Exception {
        OfficeCredentials credentials = client.credentials(CARE_MANAGER);
        assertThat(client.upload(CARE_MANAGER, NAME, PLAN).status()).isEqualTo(202);

        RevokedSerials.append(PkiLayout.revokedSerials(home.relay()), credentials.certificate().getSerialNumber(), NOW);
        await("revocation noticed within the recheck interval").atMost(RevokedSerials.RECHECK.multipliedBy(5))
                .until(() -> client.as(CARE_MANAGER).get("/api/v1/inbox").status() == 401);

        assertRefused(client.upload(CARE_MANAGER, ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusMinutes(1)),
                PLAN), 401, "RELAY-CERT-004");
        assertThat(client.health().get("journal_sequence").asLong()).as("only the upload before revocation").isEqualTo(1);
    }

    @Test
    void anOfficeCannotSendAsAnotherOfficeWhateverHeadersItSends() throws Exception {
        OfficeCredentials homeHelp = client.credentials(HOME_HELP);

        Reply spoofed = client.as(HOME_HELP).post("/api/v1/files/" + NAME, PLAN,
                Map.of("X-Renkei-Office", CARE_MANAGER, "X-Renkei-Signature", homeHelp.sign(NAME, PLAN)));

        assertRefused(spoofed, 403, "RELAY-SENDER-001");
    }

    @Test
    void anOfficeSeesOnlyItsOwnInboxAndCannotDownloadOrAcknowledgeAnothersFile() throws Exception {
        assertThat(client.upload(CARE_MANAGER, NAME, PLAN).status()).isEqualTo(202);
        client.awaitProcessed(1);

        assertThat(client.inbox(HOME_HELP).json().get("files")).hasSize(1);
        Reply otherInbox = client.as(OTHER_CARE_MANAGER).get("/api/v1/inbox", Map.of("X-Renkei-Office", HOME_HELP));
        Reply otherDownload = client.download(OTHER_CARE_MANAGER, NAME);
        Reply otherAcknowledgement = client.as(OTHER_CARE_MANAGER).post("/api/v1/inbox/" + NAME + "/ack", new byte[0]);
        Reply anonymousDownload = client.get("/api/v1/inbox/" + NAME);

        assertThat(otherInbox.status()).isEqualTo(200);
        assertThat(otherInbox.json().get("office").asText()).isEqualTo(OTHER_CARE_MANAGER);
        assertThat(otherInbox.json().get("files")).isEmpty();
        assertThat(otherDownload.status()).isEqualTo(404);
        assertThat(otherAcknowledgement.status()).isEqualTo(404);
        assertRefused(anonymousDownload, 401, "RELAY-CERT-001");
        assertThat(client.inbox(HOME_HELP).json().get("files")).as("still unacknowledged").hasSize(1);
    }

    @Test
    void aForgedSignatureIsRefusedAndLogged() throws Exception {
        byte[] altered = ScheduleFiles.plan(HOME_HELP, "1234567891");

        Reply forged = client.upload(CARE_MANAGER, NAME, altered,
                Map.of("X-Renkei-Signature", client.credentials(CARE_MANAGER).sign(NAME, PLAN)));

        assertRefused(forged, 403, "RELAY-SIGNATURE-002");
        assertThat(logs.lines()).as("the refusal is logged without the file's content")
                .anySatisfy(line -> assertThat(line).startsWith("WARNING").contains(CARE_MANAGER)
                        .contains("RELAY-SIGNATURE-002"))
                .noneSatisfy(line -> assertThat(line).contains("1234567891"));
    }

    private OfficeCertificateAuthority authority() throws Exception {
        return OfficeCertificateAuthority.load(PkiLayout.caFolder(folder), Clock.systemUTC());
    }

    private static Reply signedUpload(RelayClient sender, OfficeCredentials credentials) throws Exception {
        return sender.post("/api/v1/files/" + NAME, PLAN, Map.of("X-Renkei-Signature", credentials.sign(NAME, PLAN)));
    }

    private void assertRefused(Reply reply, int status, String code) throws Exception {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.json().path("message_ja").asText()).as("a Japanese message for office staff").isNotBlank();
        if (code.startsWith("RELAY-CERT")) {
            assertThat(logs.lines()).as("logged with its code").anySatisfy(line ->
                    assertThat(line).startsWith("WARNING").contains(code));
        }
        assertThat(client.health().get("journal_sequence").asLong()).as("nothing journaled")
                .isLessThanOrEqualTo(1);
    }
}
