package jp.renkei.ingest.pseudonym;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import jp.renkei.ingest.io.DurableFiles;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Finds the pseudonym key: the environment variable {@value #ENVIRONMENT_VARIABLE} (hex) wins; otherwise the file
 * {@code <RENKEI_HOME>/secrets/pseudonym.key}. The demo creates that file on first use; it is never in the repo.
 */
public final class PseudonymKeyStore {
    public static final String ENVIRONMENT_VARIABLE = "RENKEI_PSEUDONYM_KEY";

    private PseudonymKeyStore() {
    }

    public static Path keyFile(Path renkeiHome) {
        return renkeiHome.resolve("secrets").resolve("pseudonym.key");
    }

    public static byte[] load(Path renkeiHome, Map<String, String> environment) throws IOException {
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return parse(fromEnvironment.strip(), ENVIRONMENT_VARIABLE);
        }
        Path file = keyFile(renkeiHome);
        if (!Files.exists(file)) {
            throw new IOException("No pseudonym key: set " + ENVIRONMENT_VARIABLE + " (64 hex characters) or create "
                    + file + " (run `renkei demo` once, or `head -c 32 /dev/urandom | xxd -p -c 64 > " + file + "`)");
        }
        return parse(new String(DurableFiles.readSecret(file), StandardCharsets.US_ASCII).strip(), file.toString());
    }

    /** Creates a random key file readable by the owner only, unless one exists; returns its path. */
    public static Path createIfMissing(Path renkeiHome) throws IOException {
        Path file = keyFile(renkeiHome);
        if (Files.exists(file)) {
            return file;
        }
        byte[] key = new byte[PersonPseudonymizer.MINIMUM_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        DurableFiles.writeSecret(file, (HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII));
        return file;
    }

    private static byte[] parse(String hex, String source) throws IOException {
        try {
            byte[] key = HexFormat.of().parseHex(hex);
            if (key.length < PersonPseudonymizer.MINIMUM_KEY_BYTES) {
                throw new IOException("The pseudonym key in " + source + " has " + key.length + " bytes; it needs "
                        + PersonPseudonymizer.MINIMUM_KEY_BYTES + " (64 hex characters)");
            }
            return key;
        } catch (IllegalArgumentException notHex) {
            throw new IOException("The pseudonym key in " + source + " is not hexadecimal: " + notHex.getMessage(), notHex);
        }
    }
}
