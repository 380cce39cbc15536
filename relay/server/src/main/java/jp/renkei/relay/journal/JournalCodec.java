package jp.renkei.relay.journal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * Record layout: magic (4) | payload length (4) | CRC32C of payload (4) | payload, all integers big-endian. A record
 * whose header or checksum does not verify marks the end of the good journal.
 *
 * <p>Payload of version 3 ({@code RNK3}, written now), field by field:
 * <pre>
 *   sequence (long 8) | receive time, epoch ms (long 8)
 *   message id | client message id ("" when none) | file name | sender office
 *       each as {@link java.io.DataOutput#writeUTF}: unsigned short length, then modified UTF-8
 *   SHA-256 of the file (32 raw bytes)
 *   file length (int 4) | the file's bytes
 *   signature length (int 4, 0 = none, at most 16 KiB) | the raw detached signature
 *   signer certificate length (int 4, 0 = none, at most 64 KiB) | the certificate's DER
 * </pre>
 * Version 2 ({@code RNK2}) is the same up to and including the file's bytes; version 1 ({@code RNK1}) has no client
 * message id and no SHA-256. Both are still read, so a journal written before a change recovers: their signature
 * fields are null, and a version 1 record's SHA-256 is computed on reading.
 *
 * <p>A payload must be consumed exactly. One whose checksum verifies but whose lengths are impossible was not torn by
 * a crash (the checksum covers the whole payload); it is reported as corrupt rather than cut away with every record
 * after it.
 */
final class JournalCodec {
    static final int MAGIC_VERSION_1 = 0x524E4B31;
    static final int MAGIC_VERSION_2 = 0x524E4B32;
    static final int MAGIC = 0x524E4B33;
    static final int HEADER_BYTES = 12;
    static final int MAXIMUM_PAYLOAD = 64 * 1024 * 1024;
    private static final int SHA256_BYTES = 32;
    private static final int MAXIMUM_UTF_BYTES = 0xFFFF;
    /** What a payload may need besides the file's bytes: every string, signature and certificate at its longest. */
    static final int LARGEST_OVERHEAD = 2 * Long.BYTES + 4 * (Short.BYTES + MAXIMUM_UTF_BYTES) + SHA256_BYTES
            + 3 * Integer.BYTES + JournalEntry.MAXIMUM_SIGNATURE_BYTES + JournalEntry.MAXIMUM_SIGNER_CERTIFICATE_BYTES;
    /** The largest file one record is sure to hold, whatever its names, signature and certificate. */
    static final long LARGEST_CONTENT = MAXIMUM_PAYLOAD - LARGEST_OVERHEAD;

    private static final byte[] NONE = new byte[0];

    private JournalCodec() {
    }

    static boolean isKnownMagic(int magic) {
        return magic == MAGIC || magic == MAGIC_VERSION_2 || magic == MAGIC_VERSION_1 || magic == JournalSealing.MAGIC;
    }

    /** The largest payload a record of {@code magic} may declare; a longer one marks a torn or foreign tail. */
    static long maximumPayload(int magic) {
        return magic == JournalSealing.MAGIC ? MAXIMUM_PAYLOAD + JournalSealing.OVERHEAD : MAXIMUM_PAYLOAD;
    }

    /** Decodes a plain or sealed payload whose checksum held; {@code sealing} may be null for a plain journal. */
    static JournalEntry decode(int magic, byte[] payload, JournalSealing sealing) throws IOException {
        if (magic != JournalSealing.MAGIC) {
            return decode(magic, payload);
        }
        if (sealing == null) {
            throw new JournalKeyException("the journal holds sealed (encrypted) records but no journal key"
                    + " was given");
        }
        return decode(MAGIC, sealing.open(payload));
    }

    /**
     * The payload length {@link #encode} will write for {@code entry}.
     *
     * @throws IllegalArgumentException when the entry cannot be written as a record that reads back (a missing or too
     *     long string, a SHA-256 that is not 64 hex digits, a payload over {@link #MAXIMUM_PAYLOAD})
     */
    static int payloadBytes(JournalEntry entry) {
        String sha256 = entry.sha256();
        if (!isSha256Hex(sha256)) {
            throw new IllegalArgumentException("the SHA-256 must be 64 hex digits, was " + sha256);
        }
        long length = 2L * Long.BYTES
                + Short.BYTES + utfLength(entry.messageId(), "message id")
                + Short.BYTES + (entry.clientMessageId() == null ? 0
                        : utfLength(entry.clientMessageId(), "client message id"))
                + Short.BYTES + utfLength(entry.fileName(), "file name")
                + Short.BYTES + utfLength(entry.senderOffice(), "sender office")
                + SHA256_BYTES
                + Integer.BYTES + entry.content().length
                + Integer.BYTES + lengthOf(entry.signature())
                + Integer.BYTES + lengthOf(entry.signerCertificate());
        if (length > MAXIMUM_PAYLOAD) {
            throw new IllegalArgumentException("a record of " + length + " bytes is larger than the " + MAXIMUM_PAYLOAD
                    + " one journal record holds");
        }
        return (int) length;
    }

    /** The whole record, header and payload, in one buffer of its exact size, ready to be written. */
    static ByteBuffer encode(JournalEntry entry) {
        int payloadBytes = payloadBytes(entry);
        ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + payloadBytes);
        record.putInt(MAGIC).putInt(payloadBytes).putInt(0);
        record.putLong(entry.sequence()).putLong(entry.receivedAtMillis());
        putUtf(record, entry.messageId());
        putUtf(record, entry.clientMessageId() == null ? "" : entry.clientMessageId());
        putUtf(record, entry.fileName());
        putUtf(record, entry.senderOffice());
        String sha256 = entry.sha256();
        for (int i = 0; i < sha256.length(); i += 2) {
            record.put((byte) HexFormat.fromHexDigits(sha256, i, i + 2));
        }
        putBytes(record, entry.content());
        putBytes(record, entry.signature());
        putBytes(record, entry.signerCertificate());
        CRC32C crc = new CRC32C();
        crc.update(record.array(), record.arrayOffset() + HEADER_BYTES, payloadBytes);
        record.putInt(2 * Integer.BYTES, (int) crc.getValue());
        return record.flip();
    }

    /**
     * Decodes the payload whose header (with {@code magic}) and checksum have already been verified.
     *
     * @throws IOException when the payload does not hold exactly one record of its version
     */
    static JournalEntry decode(int magic, byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            JournalEntry entry = decode(magic, in);
            if (in.available() != 0) {
                throw new IOException(in.available() + " bytes are left over after the record");
            }
            return entry;
        }
    }

    private static JournalEntry decode(int magic, DataInputStream in) throws IOException {
        long sequence = in.readLong();
        long receivedAt = in.readLong();
        String messageId = in.readUTF();
        if (magic == MAGIC_VERSION_1) {
            String fileName = in.readUTF();
            String sender = in.readUTF();
            return new JournalEntry(sequence, messageId, fileName, sender, receivedAt, readBytes(in, "file",
                    MAXIMUM_PAYLOAD));
        }
        String clientMessageId = in.readUTF();
        String fileName = in.readUTF();
        String sender = in.readUTF();
        byte[] sha256 = new byte[SHA256_BYTES];
        in.readFully(sha256);
        byte[] content = readBytes(in, "file", MAXIMUM_PAYLOAD);
        byte[] signature = null;
        byte[] signerCertificate = null;
        if (magic == MAGIC) {
            signature = noneAsNull(readBytes(in, "signature", JournalEntry.MAXIMUM_SIGNATURE_BYTES));
            signerCertificate = noneAsNull(readBytes(in, "signer certificate",
                    JournalEntry.MAXIMUM_SIGNER_CERTIFICATE_BYTES));
        }
        return new JournalEntry(sequence, messageId, clientMessageId.isEmpty() ? null : clientMessageId, fileName,
                sender, receivedAt, HexFormat.of().formatHex(sha256), content, signature, signerCertificate);
    }

    /** Reads a length and that many bytes, refusing a length that is negative, over {@code maximum} or past the end. */
    private static byte[] readBytes(DataInputStream in, String what, int maximum) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > maximum || length > in.available()) {
            throw new IOException("the " + what + " length " + length + " is impossible (at most " + maximum + ", "
                    + in.available() + " bytes left)");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    static boolean checksumMatches(byte[] payload, int expected) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue() == expected;
    }

    private static boolean isSha256Hex(String value) {
        if (value == null || value.length() != 2 * SHA256_BYTES) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!HexFormat.isHexDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int lengthOf(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static byte[] noneAsNull(byte[] bytes) {
        return bytes.length == 0 ? null : bytes;
    }

    private static void putBytes(ByteBuffer record, byte[] bytes) {
        byte[] written = bytes == null ? NONE : bytes;
        record.putInt(written.length).put(written);
    }

    /** The length of {@code value} in modified UTF-8, as {@link java.io.DataOutput#writeUTF} writes it. */
    private static int utfLength(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("a journal record needs a " + what);
        }
        int length = value.length();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c >= 0x80) {
                length += c >= 0x800 ? 2 : 1;
            }
        }
        if (length > MAXIMUM_UTF_BYTES) {
            throw new IllegalArgumentException("the " + what + " is " + length + " bytes in modified UTF-8, more than "
                    + MAXIMUM_UTF_BYTES);
        }
        return length;
    }

    /** Writes {@code value} exactly as {@link java.io.DataOutput#writeUTF} does; its length was checked before. */
    private static void putUtf(ByteBuffer record, String value) {
        int lengthAt = record.position();
        record.putShort((short) 0);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != 0 && c < 0x80) {
                record.put((byte) c);
            } else if (c < 0x800) {
                record.put((byte) (0xC0 | c >> 6)).put((byte) (0x80 | c & 0x3F));
            } else {
                record.put((byte) (0xE0 | c >> 12)).put((byte) (0x80 | c >> 6 & 0x3F)).put((byte) (0x80 | c & 0x3F));
            }
        }
        record.putShort(lengthAt, (short) (record.position() - lengthAt - Short.BYTES));
    }
}
