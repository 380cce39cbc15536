package jp.renkei.relay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.ingest.cli.CommandErrors;
import jp.renkei.relay.pki.OfficeCertificateVerifier;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.OfficeIdentity;
import jp.renkei.relay.pki.Pem;
import jp.renkei.relay.pki.PkiLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code renkei-relay ca issue | revoke} in a temporary RENKEI_HOME. */
class CaCommandTest {
    private static final String OFFICE = "1310000001";
    private static final Pattern SERIAL = Pattern.compile("serial: ([0-9a-f]+)");

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void issueCreatesTheCaTrustsItOnTheRelayAndWritesTheOfficeCredentials() throws Exception {
        int exit = run("ca", "issue", "--home", home.toString(), "--office", OFFICE);

        assertThat(exit).as(err.toString()).isZero();
        Path caFolder = home.resolve("secrets/office-ca");
        assertThat(PkiLayout.caFolder(home)).isEqualTo(caFolder);
        assertThat(caFolder.resolve("office-ca-cert.pem")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(caFolder.resolve("office-ca-key.pem"))))
                .isEqualTo("rw-------");
        Path anchor = home.resolve("relay/tls/office-ca-cert.pem");
        assertThat(Pem.readCertificates(anchor)).containsExactly(Pem.readCertificate(caFolder.resolve("office-ca-cert.pem")));
        OfficeCredentials credentials = OfficeCredentials.load(home.resolve("agents").resolve(OFFICE));
        assertThat(credentials.officeNumber()).isEqualTo(OFFICE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                home.resolve("agents").resolve(OFFICE).resolve("office-key.pem")))).isEqualTo("rw-------");
        X509Certificate certificate = credentials.certificate();
        assertThat(Duration.between(Instant.now(), certificate.getNotAfter().toInstant()))
                .isBetween(Duration.ofDays(824), Duration.ofDays(825));
        assertThat(out.toString()).contains("office CA created in " + caFolder)
                .contains("serial: " + certificate.getSerialNumber().toString(16))
                .contains("valid:  " + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant());
        assertThat(verifier().verify(new X509Certificate[] {certificate}))
                .isEqualTo(new OfficeIdentity.Proven(OFFICE, certificate.getSerialNumber()));
    }

    @Test
    void aSecondIssueReusesTheCaAndHonoursOutAndDays() throws Exception {
        assertThat(run("ca", "issue", "--home", home.toString(), "--office", OFFICE)).isZero();
        byte[] anchorBefore = Files.readAllBytes(home.resolve("relay/tls/office-ca-cert.pem"));
        Path out = home.resolve("elsewhere");

        int exit = run("ca", "issue", "--home", home.toString(), "--office", "2710000002", "--out", out.toString(),
                "--days", "30");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(this.out.toString()).containsOnlyOnce("office CA created");
        assertThat(Files.readAllBytes(home.resolve("relay/tls/office-ca-cert.pem"))).isEqualTo(anchorBefore);
        OfficeCredentials second = OfficeCredentials.load(out);
        assertThat(second.officeNumber()).isEqualTo("2710000002");
        assertThat(second.issuer()).isEqualTo(OfficeCredentials.load(home.resolve("agents").resolve(OFFICE)).issuer());
        assertThat(Duration.between(Instant.now(), second.certificate().getNotAfter().toInstant()))
                .isBetween(Duration.ofDays(29), Duration.ofDays(30));
        assertThat(home.resolve("agents/2710000002")).doesNotExist();
    }

    @Test
    void issueRefusesAnInvalidOfficeNumberAndCreatesNothing() {
        int exit = run("ca", "issue", "--home", home.toString(), "--office", "4812345678");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("'4812345678' is not an office number");
        assertThat(home.resolve("secrets")).doesNotExist();
    }

    @Test
    void revokeAppendsTheSerialAndTheRelayRefusesTheCertificate() throws Exception {
        assertThat(run("ca", "issue", "--home", home.toString(), "--office", OFFICE)).isZero();
        X509Certificate certificate = OfficeCredentials.load(home.resolve("agents").resolve(OFFICE)).certificate();
        Matcher printed = SERIAL.matcher(out.toString());
        assertThat(printed.find()).isTrue();
        OfficeCertificateVerifier verifier = verifier();
        assertThat(verifier.verify(new X509Certificate[] {certificate})).isInstanceOf(OfficeIdentity.Proven.class);

        int exit = run("ca", "revoke", "--home", home.toString(), "--serial", printed.group(1).toUpperCase());

        assertThat(exit).as(err.toString()).isZero();
        Path list = home.resolve("relay/tls/revoked-serials.txt");
        assertThat(Files.readString(list, StandardCharsets.UTF_8)).contains(printed.group(1) + "  # revoked ");
        assertThat(new BigInteger(printed.group(1), 16)).isEqualTo(certificate.getSerialNumber());
        // A verifier reading the list afresh; a running relay's looks again within RevokedSerials.RECHECK.
        OfficeIdentity identity = verifier().verify(new X509Certificate[] {certificate});
        assertThat(identity).isInstanceOf(OfficeIdentity.Refused.class);
        assertThat(((OfficeIdentity.Refused) identity).code()).isEqualTo("RELAY-CERT-004");
    }

    @Test
    void revokingTwiceKeepsOneLineAndAGarbageSerialIsRefused() throws Exception {
        assertThat(run("ca", "revoke", "--home", home.toString(), "--serial", "0x00ABCDEF")).isZero();
        assertThat(run("ca", "revoke", "--home", home.toString(), "--serial", "abcdef")).isZero();

        Path list = home.resolve("relay/tls/revoked-serials.txt");
        assertThat(Files.readAllLines(list, StandardCharsets.UTF_8)).filteredOn(line -> line.startsWith("abcdef")).hasSize(1);
        assertThat(out.toString()).contains("revoked serial abcdef").contains("serial abcdef was already revoked");

        assertThat(run("ca", "revoke", "--home", home.toString(), "--serial", "xyz")).isEqualTo(2);
        assertThat(err.toString()).contains("'xyz' is not a certificate serial in hex");
    }

    private OfficeCertificateVerifier verifier() throws Exception {
        return OfficeCertificateVerifier.load(PkiLayout.relayTrustAnchor(home.resolve("relay")),
                PkiLayout.revokedSerials(home.resolve("relay")), Clock.systemUTC());
    }

    private int run(String... arguments) {
        CommandLine command = CommandErrors.commandLine("renkei-relay", new RelayCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(arguments);
    }
}
