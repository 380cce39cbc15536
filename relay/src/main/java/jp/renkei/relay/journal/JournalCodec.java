package jp.renkei.relay.journal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Record layout: magic (4) | payload length (4) | CRC32C of payload (4) | payload. The payload holds the sequence,
 * the receive time, message id, file name, sender and the file's bytes. A record whose header or checksum does
 * not verify marks the end of the good journal.
 */
final class JournalCodec {
    static final int MAGIC = 0x524E4B31;
    static final int HEADER_BYTES = 12;
    static final int MAXIMUM_PAYLOAD = 64 * 1024 * 1024;

    private JournalCodec() {
    }

    static ByteBuffer encode(JournalEntry entry) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(entry.content().length + 128);
        try (DataOutputStream out = new DataOutputStream(payload)) {
            out.writeLong(entry.sequence());
            out.writeLong(entry.receivedAtMillis());
            out.writeUTF(entry.messageId());
            out.writeUTF(entry.fileName());
            out.writeUTF(entry.senderOffice());
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

    /** Decodes the payload whose header has already been verified. */
    static JournalEntry decode(byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload))) {
            long sequence = in.readLong();
            long receivedAt = in.readLong();
            String messageId = in.readUTF();
            String fileName = in.readUTF();
            String sender = in.readUTF();
            byte[] content = new byte[in.readInt()];
            in.readFully(content);
            return new JournalEntry(sequence, messageId, fileName, sender, receivedAt, content);
        }
    }

    static boolean checksumMatches(byte[] payload, int expected) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue() == expected;
    }
}
