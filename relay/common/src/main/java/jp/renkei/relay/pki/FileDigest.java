package jp.renkei.relay.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file's SHA-256 as lower-case hex: what the relay acknowledges, receipts and landing rows carry, and what the office
 * agent checks a received file against. Here, beside the signatures, because both the server and the agent need it.
 */
public final class FileDigest {
    private FileDigest() {
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
