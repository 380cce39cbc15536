package jp.renkei.relay.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import jp.renkei.ingest.io.DurableFiles;

/**
 * The key that seals the journal: {@value #ENVIRONMENT_VARIABLE} (64 hex characters) wins; otherwise
 * {@code <secrets>/journal.key}, created with a random key on a relay's first start. Never in the repository; losing
 * it makes the journal unreadable, so back it up with the CA key.
 */
public final class JournalKey {
    public static final String ENVIRONMENT_VARIABLE = "RENKEI_JOURNAL_KEY";
    private static final int KEY_BYTES = 32;

    private JournalKey() {
    }

    public static Path keyFile(Path secretsFolder) {
        return secretsFolder.resolve("journal.key");
    }

    public static JournalSealing sealing(Path secretsFolder, Map<String, String> environment) throws IOException {
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return JournalSealing.withKey(parse(fromEnvironment.strip(), ENVIRONMENT_VARIABLE));
        }
        Path file = keyFile(secretsFolder);
        if (!Files.exists(file)) {
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            DurableFiles.writeSecret(file, (HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return JournalSealing.withKey(parse(new String(DurableFiles.readSecret(file), StandardCharsets.US_ASCII).strip(),
                file.toString()));
    }

    private static byte[] parse(String hex, String source) throws IOException {
        byte[] key;
        try {
            key = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException notHex) {
            throw new IOException("the journal key in " + source + " is not hexadecimal: " + notHex.getMessage(), notHex);
        }
        if (key.length != KEY_BYTES) {
            throw new IOException("the journal key in " + source + " has " + key.length + " bytes; it needs " + KEY_BYTES
                    + " (64 hex characters)");
        }
        return key;
    }
}
