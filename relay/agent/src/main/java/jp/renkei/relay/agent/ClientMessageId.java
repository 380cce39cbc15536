package jp.renkei.relay.agent;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import jp.renkei.relay.pki.FileDigest;

/**
 * The agent's idempotency key for an upload ({@code X-Renkei-Message-Id}): a name-based UUID of the office, the file
 * name and the SHA-256 of the bytes, so a re-send after a crash or restart of either side carries the same id, and
 * changed content gets a new one.
 */
public final class ClientMessageId {
    private ClientMessageId() {
    }

    public static String of(String office, String fileName, byte[] content) {
        String name = office + "\n" + fileName + "\n" + FileDigest.sha256(content);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
