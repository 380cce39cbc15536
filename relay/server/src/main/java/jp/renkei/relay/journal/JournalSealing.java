package jp.renkei.relay.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.zip.CRC32C;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption of the journal at rest (ARCHITECTURE §8): a sealed record ({@code RNKE}) is the same 12-byte header,
 * then a payload of key id (1) | nonce (12) | AES-256-GCM ciphertext of the {@code RNK3} payload with its 16-byte tag.
 * The CRC32C still covers the payload as written, so a torn record is told from a forged or damaged one (which fails
 * the GCM tag and stops the relay). The key id is a byte of the key's SHA-256: a journal opened with another key says
 * so instead of reporting every record as damaged. The magic is authenticated as associated data.
 */
public final class JournalSealing {
    static final int MAGIC = 0x524E4B45;
    static final int OVERHEAD = 1 + 12 + 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] ASSOCIATED = ByteBuffer.allocate(4).putInt(MAGIC).array();

    private final SecretKeySpec key;
    private final byte keyId;
    private final SecureRandom nonces;
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(JournalSealing::newCipher);

    private JournalSealing(byte[] keyBytes) {
        if (keyBytes.length != 32) {
            throw new IllegalArgumentException("the journal key must be 32 bytes (AES-256), was " + keyBytes.length);
        }
        this.key = new SecretKeySpec(keyBytes.clone(), "AES");
        this.keyId = sha256(keyBytes)[0];
        try {
            this.nonces = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException notInThisJdk) {
            throw new IllegalStateException("DRBG is part of every JDK since 9", notInThisJdk);
        }
    }

    /** Seals with a 32-byte key (kept outside the repository; see the relay's configuration). */
    public static JournalSealing withKey(byte[] keyBytes) {
        return new JournalSealing(keyBytes);
    }

    /**
     * A whole journal entry — the file, its sender's signature and certificate, its message ids and receipt time —
     * sealed under the journal's key for an entry kept outside the journal (a held file) that may be journaled again
     * as it arrived: key id | nonce | AES-256-GCM ciphertext with its tag, the file's name authenticated with it, so a
     * sealed entry cannot be passed off under another name. Safe for concurrent use.
     */
    public byte[] sealEntry(JournalEntry entry) {
        ByteBuffer record = JournalCodec.encode(entry);
        return sealFile(entry.fileName(), record.array(), record.arrayOffset() + JournalCodec.HEADER_BYTES,
                record.remaining() - JournalCodec.HEADER_BYTES);
    }

    /**
     * The entry in bytes {@link #openFile} opened, or empty when they are not one: a file sealed before whole entries
     * were (its bytes are the file's content alone, without its sender's signature).
     */
    public static java.util.Optional<JournalEntry> entryIn(String fileName, byte[] opened) {
        try {
            JournalEntry entry = JournalCodec.decode(JournalCodec.MAGIC, opened);
            return entry.fileName().equals(fileName) ? java.util.Optional.of(entry) : java.util.Optional.empty();
        } catch (IOException | RuntimeException notAnEntry) {
            return java.util.Optional.empty();
        }
    }

    private byte[] sealFile(String fileName, byte[] content, int offset, int length) {
        byte[] nonce = new byte[NONCE_BYTES];
        synchronized (nonces) {
            nonces.nextBytes(nonce);
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(fileAssociatedData(fileName));
            byte[] sealed = new byte[1 + NONCE_BYTES + cipher.getOutputSize(length)];
            sealed[0] = keyId;
            System.arraycopy(nonce, 0, sealed, 1, NONCE_BYTES);
            cipher.doFinal(content, offset, length, sealed, 1 + NONCE_BYTES);
            return sealed;
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES/GCM sealing failed", impossible);
        }
    }

    /**
     * The bytes sealed under {@code fileName}: an entry ({@link #entryIn}) or, for a file sealed before whole entries
     * were, its content.
     *
     * @throws IOException when the authentication tag fails: damaged, altered, or sealed under another name
     */
    public byte[] openFile(String fileName, byte[] sealed) throws IOException {
        if (sealed.length < OVERHEAD) {
            throw new IOException("a sealed file of " + sealed.length + " bytes is shorter than its envelope");
        }
        if (sealed[0] != keyId) {
            throw new JournalKeyException("the file " + fileName + " was sealed with another key");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(fileAssociatedData(fileName));
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException forgedOrDamaged) {
            throw new IOException("the sealed file " + fileName + " fails its authentication tag: damaged, altered or"
                    + " renamed", forgedOrDamaged);
        } catch (GeneralSecurityException unusable) {
            throw new IOException("the sealed file " + fileName + " cannot be decrypted: " + unusable.getMessage(),
                    unusable);
        }
    }

    private static byte[] fileAssociatedData(String fileName) {
        return ("renkei sealed file\0" + fileName).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The sealed record of a plain one as {@link JournalCodec#encode} wrote it. Called by the one writer thread. */
    ByteBuffer seal(ByteBuffer plainRecord) {
        int plainLength = plainRecord.remaining() - JournalCodec.HEADER_BYTES;
        byte[] nonce = new byte[NONCE_BYTES];
        nonces.nextBytes(nonce);
        ByteBuffer sealed = ByteBuffer.allocate(JournalCodec.HEADER_BYTES + OVERHEAD + plainLength);
        sealed.putInt(MAGIC).putInt(OVERHEAD + plainLength).putInt(0).put(keyId).put(nonce);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ASSOCIATED);
            cipher.doFinal(plainRecord.array(), plainRecord.arrayOffset() + JournalCodec.HEADER_BYTES, plainLength,
                    sealed.array(), JournalCodec.HEADER_BYTES + 1 + NONCE_BYTES);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES-GCM encryption failed", impossible);
        }
        CRC32C crc = new CRC32C();
        crc.update(sealed.array(), JournalCodec.HEADER_BYTES, OVERHEAD + plainLength);
        sealed.putInt(2 * Integer.BYTES, (int) crc.getValue());
        return sealed.position(sealed.capacity()).flip();
    }

    /** The {@code RNK3} payload inside a sealed payload whose checksum held. */
    byte[] open(byte[] sealedPayload) throws IOException {
        if (sealedPayload.length < OVERHEAD) {
            throw new IOException("a sealed record of " + sealedPayload.length + " bytes is shorter than its envelope");
        }
        if (sealedPayload[0] != keyId) {
            throw new JournalKeyException("the journal was sealed with another key (key id "
                    + String.format("%02x", sealedPayload[0]) + ", this key's is " + String.format("%02x", keyId)
                    + "); start the relay with the key the journal was written with (RENKEI_JOURNAL_KEY or "
                    + "secrets/journal.key)");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealedPayload, 1, NONCE_BYTES));
            cipher.updateAAD(ASSOCIATED);
            return cipher.doFinal(sealedPayload, 1 + NONCE_BYTES, sealedPayload.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException forgedOrDamaged) {
            throw new IOException("the sealed record fails its authentication tag: damaged or altered on disk",
                    forgedOrDamaged);
        } catch (GeneralSecurityException unusable) {
            throw new IOException("the sealed record cannot be decrypted: " + unusable.getMessage(), unusable);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES/GCM is part of every JDK", impossible);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
