package jp.renkei.relay.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import jp.renkei.relay.server.RelayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JournalCodecTest {
    /** Names outside ASCII: two- and three-byte characters, NUL (two bytes in modified UTF-8) and a surrogate pair. */
    private static final String FILE_NAME = "居宅サービス計画_202610_\u0000_𠮷_é.CSV";

    @Test
    void aSignedRecordReadsBackWithItsSignatureAndCertificate() throws IOException {
        JournalEntry signed = signedEntry(41, 256, 1_300);

        JournalEntry decoded = decode(JournalCodec.encode(signed));

        assertSameFields(decoded, signed);
        assertThat(decoded.signature()).hasSize(256);
        assertThat(decoded.signerCertificate()).hasSize(1_300);
    }

    @Test
    void anUnsignedRecordReadsBackWithoutSignatureOrCertificate() throws IOException {
        JournalEntry unsigned = new JournalEntry(7, "m-7", null, FILE_NAME, "3110000011", 1_764_158_400_123L,
                JournalEntry.sha256(new byte[0]), new byte[0]);

        JournalEntry decoded = decode(JournalCodec.encode(unsigned));

        assertSameFields(decoded, unsigned);
        assertThat(decoded.clientMessageId()).isNull();
        assertThat(decoded.signature()).isNull();
        assertThat(decoded.signerCertificate()).isNull();
    }

    @Test
    void theRecordIsOneBufferOfExactlyItsSizeWithAVersionThreeHeader() {
        JournalEntry signed = signedEntry(3, 384, 2_000);

        ByteBuffer record = JournalCodec.encode(signed);

        assertThat(record.position()).isZero();
        assertThat(record.limit()).isEqualTo(record.capacity());
        assertThat(record.getInt(0)).as("magic").isEqualTo(JournalCodec.MAGIC).isEqualTo(0x524E4B33);
        assertThat(record.getInt(4)).as("payload length").isEqualTo(record.capacity() - JournalCodec.HEADER_BYTES)
                .isEqualTo(JournalCodec.payloadBytes(signed));
        assertThat(JournalCodec.checksumMatches(payload(record), record.getInt(8))).as("checksum").isTrue();
    }

    /** Pins the format: what the version 2 encoder wrote (with writeUTF), then the two length-prefixed fields. */
    @Test
    void aVersionThreePayloadIsTheVersionTwoPayloadFollowedBySignatureAndCertificate() throws IOException {
        JournalEntry signed = signedEntry(12, 256, 900);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(versionTwoPayload(signed));
        try (DataOutputStream out = new DataOutputStream(expected)) {
            out.writeInt(signed.signature().length);
            out.write(signed.signature());
            out.writeInt(signed.signerCertificate().length);
            out.write(signed.signerCertificate());
        }

        assertThat(payload(JournalCodec.encode(signed))).isEqualTo(expected.toByteArray());
    }

    @Test
    void aVersionTwoPayloadReadsBackWithoutSignatureFields() throws IOException {
        JournalEntry signed = signedEntry(5, 256, 900);

        JournalEntry decoded = JournalCodec.decode(JournalCodec.MAGIC_VERSION_2, versionTwoPayload(signed));

        assertThat(decoded.sequence()).isEqualTo(5);
        assertThat(decoded.fileName()).isEqualTo(FILE_NAME);
        assertThat(decoded.clientMessageId()).isEqualTo(signed.clientMessageId());
        assertThat(decoded.sha256()).isEqualTo(signed.sha256());
        assertThat(decoded.content()).isEqualTo(signed.content());
        assertThat(decoded.signature()).isNull();
        assertThat(decoded.signerCertificate()).isNull();
    }

    /**
     * A payload whose checksum is right but whose lengths cannot be: refused before anything is allocated, never read
     * as a shorter or longer record.
     */
    @ParameterizedTest(name = "signature length {0}, certificate length {1}, {2} extra bytes")
    @CsvSource({
        "16385, 0, 0, signature length 16385",
        "-1, 0, 0, signature length -1",
        "2147483647, 0, 0, signature length 2147483647",
        "0, 65537, 0, signer certificate length 65537",
        "0, 1000, 0, signer certificate length 1000",
        "0, 0, 3, 3 bytes are left over",
    })
    void impossibleLengthsAreRefused(int signatureLength, int certificateLength, int extraBytes, String message)
            throws IOException {
        JournalEntry unsigned = signedEntry(9, 0, 0);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.write(versionTwoPayload(unsigned));
        try (DataOutputStream out = new DataOutputStream(payload)) {
            out.writeInt(signatureLength);
            out.write(new byte[Math.max(0, Math.min(signatureLength, 16_384))]);
            out.writeInt(certificateLength);
            out.write(new byte[Math.min(certificateLength, 100)]);
            out.write(new byte[extraBytes]);
        }

        assertThatThrownBy(() -> JournalCodec.decode(JournalCodec.MAGIC, payload.toByteArray()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(message);
    }

    @Test
    void anEntryRefusesASignatureOrCertificateTheJournalCouldNotReadBack() {
        byte[] content = {1};
        assertThatThrownBy(() -> JournalEntry.signed("m", null, "f", "o", 0, JournalEntry.sha256(content), content,
                new byte[JournalEntry.MAXIMUM_SIGNATURE_BYTES + 1], null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signature of 16385 bytes");
        assertThatThrownBy(() -> JournalEntry.signed("m", null, "f", "o", 0, JournalEntry.sha256(content), content,
                null, new byte[JournalEntry.MAXIMUM_SIGNER_CERTIFICATE_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("certificate of 65537 bytes");
    }

    @Test
    void theRelaysLargestFileFitsOneRecordWithTheLongestNamesSignatureAndCertificate() {
        assertThat(RelayConfig.LARGEST_MAXIMUM_FILE_BYTES).isLessThanOrEqualTo(JournalCodec.LARGEST_CONTENT);

        byte[] largestFile = new byte[(int) RelayConfig.LARGEST_MAXIMUM_FILE_BYTES];
        String longestName = "n".repeat(0xFFFF);
        JournalEntry largest = new JournalEntry(1, longestName, longestName, longestName, longestName, 0,
                "0".repeat(64), largestFile, new byte[JournalEntry.MAXIMUM_SIGNATURE_BYTES],
                new byte[JournalEntry.MAXIMUM_SIGNER_CERTIFICATE_BYTES]);

        assertThat(JournalCodec.payloadBytes(largest)).isLessThanOrEqualTo(JournalCodec.MAXIMUM_PAYLOAD)
                .isEqualTo(JournalCodec.LARGEST_OVERHEAD + largestFile.length);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"65536, is 65536 bytes in modified UTF-8", "21846, is 65538 bytes in modified UTF-8"})
    void aFileNameTooLongToWriteIsRefused(int characters, String message) {
        String name = (characters > 30_000 ? "n" : "計").repeat(characters);
        JournalEntry entry = new JournalEntry(0, "m", name, "3110000011", 0, new byte[1]);

        assertThatThrownBy(() -> JournalCodec.payloadBytes(entry)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    /** The payload the version 2 encoder wrote (DataOutputStream, writeUTF), built independently of the codec. */
    static byte[] versionTwoPayload(JournalEntry entry) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
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
        }
        return payload.toByteArray();
    }

    /** A whole record around {@code payload}: magic, length, CRC32C, payload. */
    static byte[] record(int magic, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return ByteBuffer.allocate(JournalCodec.HEADER_BYTES + payload.length).putInt(magic).putInt(payload.length)
                .putInt((int) crc.getValue()).put(payload).array();
    }

    /** An entry with seeded random content, signature and certificate (none when a length is 0). */
    static JournalEntry signedEntry(long sequence, int signatureBytes, int certificateBytes) {
        SplittableRandom random = new SplittableRandom(sequence);
        byte[] content = new byte[random.nextInt(1, 4_096)];
        random.nextBytes(content);
        byte[] signature = signatureBytes == 0 ? null : new byte[signatureBytes];
        byte[] certificate = certificateBytes == 0 ? null : new byte[certificateBytes];
        if (signature != null) {
            random.nextBytes(signature);
        }
        if (certificate != null) {
            random.nextBytes(certificate);
        }
        return new JournalEntry(sequence, "m-" + sequence, "c-" + sequence, FILE_NAME, "3110000011",
                1_764_158_400_123L + sequence, JournalEntry.sha256(content), content, signature, certificate);
    }

    /** Every field equal, byte arrays by content. */
    static void assertSameFields(JournalEntry actual, JournalEntry expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
        assertThat(Arrays.equals(actual.content(), expected.content())).as("content").isTrue();
        assertThat(Arrays.equals(actual.signature(), expected.signature())).as("signature").isTrue();
        assertThat(Arrays.equals(actual.signerCertificate(), expected.signerCertificate())).as("signer certificate")
                .isTrue();
    }

    private static JournalEntry decode(ByteBuffer record) throws IOException {
        return JournalCodec.decode(record.getInt(0), payload(record));
    }

    private static byte[] payload(ByteBuffer record) {
        return Arrays.copyOfRange(record.array(), JournalCodec.HEADER_BYTES, record.limit());
    }
}
