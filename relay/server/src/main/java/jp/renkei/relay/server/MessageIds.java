package jp.renkei.relay.server;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) message ids without {@link UUID#randomUUID}'s one shared generator: under load every upload
 * thread queued on its lock (a quarter of the handler threads in a thread dump). Each thread keeps its own DRBG,
 * seeded from the operating system, so ids stay unguessable.
 */
final class MessageIds {
    private static final ThreadLocal<SecureRandom> GENERATORS = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException notInThisJdk) {
            return new SecureRandom();
        }
    });

    private MessageIds() {
    }

    static String next() {
        byte[] random = new byte[16];
        GENERATORS.get().nextBytes(random);
        random[6] = (byte) ((random[6] & 0x0f) | 0x40);
        random[8] = (byte) ((random[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (random[i] & 0xff);
            least = (least << 8) | (random[i + 8] & 0xff);
        }
        return new UUID(most, least).toString();
    }
}
