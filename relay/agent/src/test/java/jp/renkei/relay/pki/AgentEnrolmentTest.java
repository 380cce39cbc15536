package jp.renkei.relay.pki;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.OTHER_CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.renkei.relay.agent.AgentCredentials;
import jp.renkei.relay.pki.OfficeCertificateAuthority;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.Pem;
import jp.renkei.relay.pki.PkiLayout;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issuing a home's office credentials before its relay starts, and finding them again as the agent does. */
class AgentEnrolmentTest {
    @TempDir
    Path home;

    @Test
    void missingCredentialsAreIssuedUsableOnesKeptAndTheRelayTrustsTheCa() throws Exception {
        Path relayHome = PkiLayout.defaultRelayHome(home);
        AgentEnrolment.Result first = AgentEnrolment.issueMissing(home, relayHome, List.of(CARE_MANAGER),
                AgentEnrolment.DEFAULT_VALIDITY, Clock.systemUTC(), status -> { });

        AgentEnrolment.Result second = AgentEnrolment.issueMissing(home, relayHome, List.of(CARE_MANAGER, HOME_HELP),
                AgentEnrolment.DEFAULT_VALIDITY, Clock.systemUTC(), status -> { });

        assertThat(first.caCreated()).isTrue();
        assertThat(first.issued()).containsExactly(CARE_MANAGER);
        assertThat(second.caCreated()).isFalse();
        assertThat(second.issued()).containsExactly(HOME_HELP);
        assertThat(second.replaced()).isEmpty();
        assertThat(second.credentials().get(CARE_MANAGER).certificate())
                .isEqualTo(first.credentials().get(CARE_MANAGER).certificate());
        assertThat(AgentCredentials.inHome(home).of(HOME_HELP).certificate())
                .isEqualTo(second.credentials().get(HOME_HELP).certificate());
        assertThat(Pem.readCertificates(PkiLayout.relayTrustAnchor(relayHome)))
                .containsExactly(first.credentials().get(CARE_MANAGER).issuer());
    }

    @Test
    void credentialsOfAnotherCaOrExpiredOnesAreReplacedAndSaidWhy() throws Exception {
        Path relayHome = PkiLayout.defaultRelayHome(home);
        OfficeCertificateAuthority.createOrLoad(home.resolve("elsewhere"), Clock.systemUTC())
                .issue(CARE_MANAGER, Duration.ofDays(30)).writeTo(PkiLayout.agentFolder(home, CARE_MANAGER));
        OfficeCertificateAuthority ours = OfficeCertificateAuthority.createOrLoad(PkiLayout.caFolder(home), Clock.systemUTC());
        Instant now = Instant.now();
        ours.issue(OTHER_CARE_MANAGER, now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)))
                .writeTo(PkiLayout.agentFolder(home, OTHER_CARE_MANAGER));

        AgentEnrolment.Result result = AgentEnrolment.issueMissing(home, relayHome,
                List.of(CARE_MANAGER, OTHER_CARE_MANAGER), AgentEnrolment.DEFAULT_VALIDITY, Clock.systemUTC(), status -> { });

        assertThat(result.issued()).containsExactly(CARE_MANAGER, OTHER_CARE_MANAGER);
        assertThat(result.replaced()).containsOnlyKeys(CARE_MANAGER, OTHER_CARE_MANAGER);
        assertThat(result.replaced().get(CARE_MANAGER)).contains("another office CA");
        assertThat(result.replaced().get(OTHER_CARE_MANAGER)).contains("expired");
        assertThat(OfficeCredentials.load(PkiLayout.agentFolder(home, CARE_MANAGER)).issuer()).isEqualTo(ours.certificate());
    }

    @Test
    void theSendersOfAFolderAreTheDistinctSendersOfItsStandardNames() throws Exception {
        write(home.resolve("outbox").resolve("a"), ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT));
        write(home.resolve("outbox").resolve("a"), ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusMinutes(1)));
        write(home.resolve("outbox").resolve("b"), ScheduleFiles.name(OTHER_CARE_MANAGER, HOME_HELP, SENT_AT));
        write(home.resolve("outbox"), "notes.txt");

        assertThat(AgentEnrolment.sendersIn(home.resolve("outbox"))).containsExactly(CARE_MANAGER, OTHER_CARE_MANAGER);
    }

    @Test
    void anOfficeWithoutCredentialsInTheHomeIsAClearError() {
        assertThatThrownBy(() -> AgentCredentials.inHome(home).of(CARE_MANAGER))
                .isInstanceOfSatisfying(AgentCredentials.MissingCredentialsException.class,
                        missing -> assertThat(missing.office()).isEqualTo(CARE_MANAGER))
                .hasMessageContaining(PkiLayout.agentFolder(home, CARE_MANAGER).toString())
                .hasMessageContaining("renkei-relay ca issue --office " + CARE_MANAGER);
    }

    private static void write(Path folder, String name) throws Exception {
        Files.write(Files.createDirectories(folder).resolve(name), new byte[] {'x'});
    }
}
