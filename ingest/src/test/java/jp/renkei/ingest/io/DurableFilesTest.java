package jp.renkei.ingest.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {
    @TempDir
    Path folder;

    @Test
    void aSecretAndTheFolderItIsWrittenToAreOwnerOnly() throws IOException {
        Path key = folder.resolve("secrets").resolve("some.key");

        DurableFiles.writeSecret(key, "00ff".getBytes(StandardCharsets.US_ASCII));

        assertThat(permissions(key)).isEqualTo("rw-------");
        assertThat(permissions(key.getParent())).isEqualTo("rwx------");
        assertThat(DurableFiles.readSecret(key)).asString(StandardCharsets.US_ASCII).isEqualTo("00ff");
        try (var left = Files.list(key.getParent())) {
            assertThat(left).as("no temporary file left behind").containsExactly(key);
        }
    }

    @Test
    void aSecretOthersMayReadIsRefusedWithHowToFixIt() throws IOException {
        Path key = folder.resolve("group-readable.key");
        Files.writeString(key, "00ff");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));

        assertThatThrownBy(() -> DurableFiles.readSecret(key))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("SECRET-PERM-001")
                .hasMessageContaining("rw-r-----")
                .hasMessageContaining("chmod 600 " + key);

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertThat(DurableFiles.readSecret(key)).hasSize(4);
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
