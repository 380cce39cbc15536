package jp.renkei.relay.card;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.smartcardio.CommandAPDU;

/** The command APDUs of the JPKI application (OpenSC {@code jpki.h}; {@code docs/card-check.md}). */
final class JpkiCommands {
    static final byte[] JPKI_AID = HexFormat.of().parseHex("d392f000260100000001");
    static final int EF_AUTH_CERTIFICATE = 0x000A;
    static final int EF_AUTH_KEY = 0x0017;
    static final int EF_AUTH_PIN = 0x0018;
    static final int SW_OK = 0x9000;
    static final int SW_PIN_BLOCKED = 0x6984;
    static final int SW_WRONG_OFFSET = 0x6B00;
    /** DER prefix of DigestInfo { sha256, NULL }, followed by the 32-byte hash. */
    private static final byte[] SHA256_DIGEST_INFO_PREFIX = HexFormat.of().parseHex("3031300d060960864801650304020105000420");

    private JpkiCommands() {
    }

    static CommandAPDU selectJpki() {
        return new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, JPKI_AID);
    }

    static CommandAPDU selectFile(int file) {
        return new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[] {(byte) (file >>> 8), (byte) file});
    }

    static CommandAPDU readBinary(int offset, int length) {
        return new CommandAPDU(0x00, 0xB0, (offset >>> 8) & 0x7F, offset & 0xFF, length);
    }

    /** VERIFY without data: asks how many tries are left ({@code 63 Cx}) or whether the PIN is blocked. */
    static CommandAPDU pinStatus() {
        return new CommandAPDU(0x00, 0x20, 0x00, 0x80);
    }

    /** VERIFY with the PIN digits; the caller wipes {@code pinDigits} after use. */
    static CommandAPDU verify(byte[] pinDigits) {
        return new CommandAPDU(0x00, 0x20, 0x00, 0x80, pinDigits);
    }

    static CommandAPDU computeSignature(byte[] challenge) {
        return new CommandAPDU(0x80, 0x2A, 0x00, 0x80, sha256DigestInfo(challenge), 256);
    }

    static byte[] sha256DigestInfo(byte[] data) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
        byte[] digestInfo = new byte[SHA256_DIGEST_INFO_PREFIX.length + hash.length];
        System.arraycopy(SHA256_DIGEST_INFO_PREFIX, 0, digestInfo, 0, SHA256_DIGEST_INFO_PREFIX.length);
        System.arraycopy(hash, 0, digestInfo, SHA256_DIGEST_INFO_PREFIX.length, hash.length);
        return digestInfo;
    }
}
