package jp.renkei.relay.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * Record layout: magic (4) | payload length (4) | CRC32C of payload (4) | payload. A record whose header or checksum
 * does not verify marks the end of the good journal.
 *
 * <p>Version 2 ({@code RNK2}, written now): sequence, receive time, message id, client message id (empty when none),
 * file name, sender, SHA-256 (32 bytes), the file's bytes. Version 1 ({@code RNK1}: the same without client message id
 * and SHA-256) is still read, so a journal written before the change recovers; its SHA-256 is computed on reading.
 */
final class JournalCodec {
    static final int MAGIC_VERSION_1 = 0x524E4B31;
    static final int MAGIC = 0x524E4B32;
    static final int HEADER_BYTES = 12;
    static final int MAXIMUM_PAYLOAD = 64 * 1024 * 1024;
    private static final int SHA256_BYTES = 32;

    private JournalCodec() {
    }

    static boolean isKnownMagic(int magic) {
        return magic == MAGIC || magic == MAGIC_VERSION_1;
    }

    static ByteBuffer encode(JournalEntry entry) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(entry.content().length + 256);
        try (DataOutputStream out = new DataOutputStream(payload)) {
            out.writeLong(entry.sequence());
            out.writeLong(entry.receivedAtMillis());
            out.writeUTF(entry.messageId());
            out.writeUTF(entry.clientMessageId() == null ? "" : entry.clientMessageId());
            out.writeUTF(entry.fileName());
            out.writeUTF(entry.senderOffice());
            out.write(HexFormat.of().parseHex(entry.sha256()));
            out.writeInt(entry.content().length);
            out.write(entry.content());
        } catch (IOException impossible) {
            throw new IllegalStateException("writing to memory cannot fail", impossible);
        }
        byte[] bytes = payload.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + bytes.length);
        record.putInt(MAGIC).putInt(bytes.length).putInt((int) crc.getValue()).put(bytes).flip();
        return record;
    }

    /** Decodes the payload whose header (with {@code magic}) and checksum have already been verified. */
    static JournalEntry decode(int magic, byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            long sequence = in.readLong();
            long receivedAt = in.readLong();
            String messageId = in.readUTF();
            if (magic == MAGIC_VERSION_1) {
                String fileName = in.readUTF();
                String sender = in.readUTF();
                return new JournalEntry(sequence, messageId, fileName, sender, receivedAt, readContent(in));
            }
            String clientMessageId = in.readUTF();
            String fileName = in.readUTF();
            String sender = in.readUTF();
            byte[] sha256 = new byte[SHA256_BYTES];
            in.readFully(sha256);
            return new JournalEntry(sequence, messageId, clientMessageId.isEmpty() ? null : clientMessageId, fileName,
                    sender, receivedAt, HexFormat.of().formatHex(sha256), readContent(in));
        }
    }

    private static byte[] readContent(DataInputStream in) throws IOException {
        byte[] content = new byte[in.readInt()];
        in.readFully(content);
        return content;
    }

    static boolean checksumMatches(byte[] payload, int expected) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue() == expected;
    }
}
