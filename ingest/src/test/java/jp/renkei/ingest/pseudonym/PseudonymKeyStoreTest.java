package jp.renkei.ingest.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeyStoreTest {
    private static final String ENVIRONMENT_KEY = "ab".repeat(32);
    private static final String FILE_KEY = "cd".repeat(32);

    @TempDir
    Path home;

    @Test
    void environmentVariableWinsOverTheFile() throws IOException {
        writeKeyFile(FILE_KEY + "\n");

        byte[] key = PseudonymKeyStore.load(home, Map.of(PseudonymKeyStore.ENVIRONMENT_VARIABLE, " " + ENVIRONMENT_KEY + "\n"));

        assertThat(key).isEqualTo(HexFormat.of().parseHex(ENVIRONMENT_KEY));
    }

    @Test
    void blankEnvironmentVariableFallsBackToTheFile() throws IOException {
        writeKeyFile(FILE_KEY + "\n");

        assertThat(PseudonymKeyStore.load(home, Map.of(PseudonymKeyStore.ENVIRONMENT_VARIABLE, "  ")))
                .isEqualTo(HexFormat.of().parseHex(FILE_KEY));
    }

    @Test
    void createdKeyFileIsReadableByItsOwnerOnlyAndLoads() throws IOException {
        Path file = PseudonymKeyStore.createIfMissing(home);

        assertThat(file).isEqualTo(home.resolve("secrets").resolve("pseudonym.key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).matches("[0-9a-f]{64}\n");
        byte[] key = PseudonymKeyStore.load(home, Map.of());
        assertThat(key).hasSize(32);
        assertThat(HexFormat.of().formatHex(key)).isEqualTo(Files.readString(file, StandardCharsets.US_ASCII).strip());
        assertThat(file.resolveSibling(".pseudonym.key.tmp")).doesNotExist();
    }

    @Test
    void existingKeyFileIsKept() throws IOException {
        Path file = PseudonymKeyStore.createIfMissing(home);
        String first = Files.readString(file);

        assertThat(PseudonymKeyStore.createIfMissing(home)).isEqualTo(file);
        assertThat(Files.readString(file)).isEqualTo(first);
    }

    @Test
    void twoHomesGetDifferentRandomKeys(@TempDir Path otherHome) throws IOException {
        PseudonymKeyStore.createIfMissing(home);
        PseudonymKeyStore.createIfMissing(otherHome);

        assertThat(PseudonymKeyStore.load(home, Map.of())).isNotEqualTo(PseudonymKeyStore.load(otherHome, Map.of()));
    }

    @Test
    void missingKeySaysWhereToPutOne() {
        assertThatIOException()
                .isThrownBy(() -> PseudonymKeyStore.load(home, Map.of()))
                .withMessageContaining(PseudonymKeyStore.ENVIRONMENT_VARIABLE)
                .withMessageContaining(PseudonymKeyStore.keyFile(home).toString());
    }

    @Test
    void nonHexKeyNamesItsSource() {
        assertThatIOException()
                .isThrownBy(() -> PseudonymKeyStore.load(home,
                        Map.of(PseudonymKeyStore.ENVIRONMENT_VARIABLE, "zz" + ENVIRONMENT_KEY.substring(2))))
                .withMessageContaining(PseudonymKeyStore.ENVIRONMENT_VARIABLE)
                .withMessageContaining("not hexadecimal");
    }

    @Test
    void shortKeyNamesItsSourceAndTheLengthNeeded() throws IOException {
        Path file = writeKeyFile("cd".repeat(16) + "\n");

        assertThatIOException()
                .isThrownBy(() -> PseudonymKeyStore.load(home, Map.of()))
                .withMessageContaining(file.toString())
                .withMessageContaining("16 bytes")
                .withMessageContaining("64 hex characters");
    }

    private Path writeKeyFile(String content) throws IOException {
        Path file = PseudonymKeyStore.keyFile(home);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void aKeyFileOthersMayReadIsRefused() throws IOException {
        Path file = writeKeyFile("ab".repeat(32) + "\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        assertThatIOException()
                .isThrownBy(() -> PseudonymKeyStore.load(home, Map.of()))
                .withMessageContaining("SECRET-PERM-001")
                .withMessageContaining("chmod 600");
    }
}
