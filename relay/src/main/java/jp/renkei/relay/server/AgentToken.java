package jp.renkei.relay.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import jp.renkei.ingest.io.DurableFiles;

/**
 * The walking skeleton's agent credential: one bearer token shared by the agents of this installation, from
 * {@value #VARIABLE} or {@code secrets/relay-agent.token}. Stand-in until client certificates (mTLS) identify offices.
 */
public final class AgentToken {
    public static final String VARIABLE = "RENKEI_RELAY_TOKEN";

    private final byte[] token;

    private AgentToken(String token) {
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    public static AgentToken load(Path secretsFolder) throws IOException {
        return new AgentToken(read(secretsFolder));
    }

    /** The token's text, creating the file on first use. */
    public static String read(Path secretsFolder) throws IOException {
        String fromEnvironment = System.getenv(VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        Path file = secretsFolder.resolve("relay-agent.token");
        if (!Files.exists(file)) {
            Files.createDirectories(secretsFolder);
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            DurableFiles.writeSecret(file, HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII));
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    /** Constant-time comparison of an {@code Authorization} header value. */
    public boolean accepts(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token, authorizationHeader.substring(7).strip().getBytes(StandardCharsets.US_ASCII));
    }
}
