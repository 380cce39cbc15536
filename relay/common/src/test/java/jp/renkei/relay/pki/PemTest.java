package jp.renkei.relay.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {
    @TempDir
    Path folder;

    @Test
    void certificatesRoundTripInOrder() throws IOException {
        Path file = folder.resolve("nested/two.pem");

        Pem.writeCertificates(file, TestAuthorities.OURS.certificate(), TestAuthorities.FOREIGN.certificate());

        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Pem.readCertificates(file))
                .containsExactly(TestAuthorities.OURS.certificate(), TestAuthorities.FOREIGN.certificate());
        assertThat(Pem.readCertificate(file)).isEqualTo(TestAuthorities.OURS.certificate());
    }

    @Test
    void privateKeysAreWrittenAsPkcs8ForTheOwnerOnly() throws IOException {
        Path file = folder.resolve("key.pem");

        Pem.writePrivateKey(file, TestAuthorities.CREDENTIALS.privateKey());

        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Pem.readPrivateKey(file).getEncoded()).isEqualTo(TestAuthorities.CREDENTIALS.privateKey().getEncoded());
    }

    @Test
    void unreadableFilesAreNamedInTheError() throws IOException {
        Path garbage = folder.resolve("garbage.pem");
        Files.writeString(garbage, "not a certificate", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> Pem.readCertificate(garbage)).isInstanceOf(IOException.class)
                .hasMessageContaining(garbage.toString());
        assertThatThrownBy(() -> Pem.readPrivateKey(garbage)).isInstanceOf(IOException.class)
                .hasMessageContaining(garbage.toString());
    }

    @Test
    void aCertificateIsNotAPrivateKey() throws IOException {
        Path file = folder.resolve("cert.pem");
        Pem.writeCertificates(file, TestAuthorities.OURS.certificate());
        assertThatThrownBy(() -> Pem.readPrivateKey(file)).as("a file others may read is refused before it is parsed")
                .isInstanceOf(IOException.class).hasMessageContaining("SECRET-PERM-001");
        java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> Pem.readPrivateKey(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("no unencrypted private key");
    }
}
