package jp.renkei.relay.pki;

import static jp.renkei.relay.pki.TestAuthorities.CREDENTIALS;
import static jp.renkei.relay.pki.TestAuthorities.OFFICE;
import static jp.renkei.relay.pki.TestAuthorities.OURS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import jp.renkei.relay.pki.OfficeIdentity.Proven;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficeCredentialsTest {
    /** The JDK's TLS stack checks validity against the real clock, not the fixture's: a CA on the real clock. */
    private static final Instant REAL_NOW = Instant.now();
    private static final OfficeCertificateAuthority REAL_TIME_CA = OfficeCertificateAuthority.create(Clock.systemUTC());

    @TempDir
    Path folder;

    @Test
    void writeThenLoadGivesTheSameCredentialsWithTheKeyForTheOwnerOnly() throws IOException {
        CREDENTIALS.writeTo(folder);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("office-key.pem"))))
                .isEqualTo("rw-------");
        assertThat(Pem.readCertificate(folder.resolve("office-cert.pem"))).isEqualTo(CREDENTIALS.certificate());
        assertThat(Pem.readCertificate(folder.resolve("office-ca-cert.pem"))).isEqualTo(OURS.certificate());
        OfficeCredentials loaded = OfficeCredentials.load(folder);
        assertThat(loaded.officeNumber()).isEqualTo(OFFICE);
        assertThat(loaded.certificate()).isEqualTo(CREDENTIALS.certificate());
        assertThat(loaded.issuer()).isEqualTo(CREDENTIALS.issuer());
        assertThat(loaded.privateKey().getEncoded()).isEqualTo(CREDENTIALS.privateKey().getEncoded());
    }

    @Test
    void loadNamesTheMissingFile() throws IOException {
        CREDENTIALS.writeTo(folder);
        Files.delete(folder.resolve("office-cert.pem"));

        assertThatThrownBy(() -> OfficeCredentials.load(folder)).isInstanceOf(IOException.class)
                .hasMessageContaining("office-cert.pem is missing").hasMessageContaining("renkei-relay ca issue");
    }

    @Test
    void loadRefusesAKeyFromAnotherIssue() throws IOException {
        CREDENTIALS.writeTo(folder);
        Pem.writePrivateKey(folder.resolve("office-key.pem"), OURS.issue(OFFICE, Duration.ofDays(1)).privateKey());

        assertThatThrownBy(() -> OfficeCredentials.load(folder)).isInstanceOf(IOException.class)
                .hasMessageContaining("does not belong to");
    }

    @Test
    void toStringNeverShowsTheKey() {
        String text = CREDENTIALS.toString();

        assertThat(text).contains(OFFICE).contains(CREDENTIALS.certificate().getSerialNumber().toString(16));
        assertThat(text).doesNotContain("modulus").doesNotContain("private exponent").hasSizeLessThan(120);
    }

    @Test
    void theClientContextPresentsTheOfficeCertificateInAMutualTlsHandshake() throws Exception {
        OfficeCredentials office =
                REAL_TIME_CA.issue(OFFICE, REAL_NOW.minus(Duration.ofDays(1)), REAL_NOW.plus(Duration.ofDays(1)));
        OfficeCredentials server = serverCredentials();
        var serverContext = TlsContexts.context(TlsContexts.presenting(server.privateKey(), server.certificate()),
                TlsContexts.trusting(REAL_TIME_CA.certificate()));
        OfficeCertificateVerifier verifier =
                new OfficeCertificateVerifier(List.of(REAL_TIME_CA.certificate()), null, Clock.systemUTC());
        Path relayCertificate = folder.resolve("relay-cert.pem");
        Pem.writeCertificates(relayCertificate, server.certificate());

        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            CompletableFuture<OfficeIdentity> seen = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                    accepted.startHandshake();
                    var peer = accepted.getSession().getPeerCertificates();
                    accepted.getOutputStream().write(1);
                    accepted.getOutputStream().flush();
                    return verifier.verify(Arrays.copyOf(peer, peer.length, X509Certificate[].class));
                } catch (IOException failure) {
                    throw new IllegalStateException(failure);
                }
            });
            try (SSLSocket client = (SSLSocket) office.clientContext(relayCertificate).getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                client.startHandshake();
                assertThat(client.getInputStream().read()).isEqualTo(1);
                assertThat(client.getSession().getPeerCertificates()[0]).isEqualTo(server.certificate());
            }
            assertThat(seen.get(10, TimeUnit.SECONDS))
                    .isEqualTo(new Proven(OFFICE, office.certificate().getSerialNumber()));
        }
    }

    private static OfficeCredentials serverCredentials() {
        return REAL_TIME_CA.issue("localhost", KeyPurposeId.id_kp_serverAuth, REAL_NOW.minus(Duration.ofDays(1)),
                REAL_NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void theClientContextTrustsNoOtherServerCertificate() throws Exception {
        OfficeCredentials impostor = serverCredentials();
        OfficeCredentials pinned = serverCredentials();
        var serverContext = TlsContexts.context(TlsContexts.presenting(impostor.privateKey(), impostor.certificate()),
                TlsContexts.trusting(REAL_TIME_CA.certificate()));

        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                    accepted.startHandshake();
                } catch (IOException expected) {
                    // the client aborts the handshake
                }
            });
            try (SSLSocket client = (SSLSocket) CREDENTIALS.clientContext(pinned.certificate()).getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                assertThatThrownBy(client::startHandshake).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
            }
            served.get(10, TimeUnit.SECONDS);
        }
    }
}
