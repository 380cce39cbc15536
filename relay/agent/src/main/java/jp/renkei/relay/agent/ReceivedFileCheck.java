package jp.renkei.relay.agent;

import java.security.cert.X509Certificate;
import java.util.Objects;
import jp.renkei.ingest.standard.InvalidFileNameException;
import jp.renkei.ingest.standard.StandardFileName;
import jp.renkei.relay.pki.FileDigest;
import jp.renkei.relay.pki.FileSignature;
import jp.renkei.relay.pki.OfficeCertificateVerifier;
import jp.renkei.relay.pki.OfficeIdentity;
import jp.renkei.relay.pki.RevokedSerials;

/**
 * Whether a file downloaded from the relay is what its sender office signed, checked by the addressee itself rather
 * than trusted to the relay: the signer certificate decodes, the office CA issued it and it is valid and not revoked
 * ({@link OfficeCertificateVerifier}), it names the sender office of the file name, the detached signature verifies
 * over the exact bytes, and the bytes are the ones the relay says it delivered ({@code X-Renkei-Sha256}). The first
 * failing check is the answer, with a stable code.
 */
final class ReceivedFileCheck {
    /** The signer certificate is missing or not an X.509 certificate. */
    static final String NO_SIGNER = "AGENT-VERIFY-001";
    /** The signer certificate is not a valid office certificate of our CA (foreign, expired, revoked, …). */
    static final String SIGNER_REFUSED = "AGENT-VERIFY-002";
    /** The signer is another office than the sender in the file name, or the name is not a standard name. */
    static final String NOT_THE_SENDER = "AGENT-VERIFY-003";
    /** The signature is missing or does not verify over the bytes received. */
    static final String BAD_SIGNATURE = "AGENT-VERIFY-004";
    /** The bytes received are not the ones the relay names ({@code X-Renkei-Sha256} missing or different). */
    static final String CHECKSUM_MISMATCH = "AGENT-VERIFY-005";
    /** The file's name addresses another office. */
    static final String NOT_OURS = "AGENT-VERIFY-006";

    /** What the check found. */
    sealed interface Verdict {
    }

    /** The sender office signed exactly these bytes. */
    record Signed(String office, String serialHex) implements Verdict {
    }

    /** Not proven; {@code reason} says what is wrong, for the quarantine note and the log (no file content). */
    record Refused(String code, String reason) implements Verdict {
        Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final OfficeCertificateVerifier verifier;
    private final String ownOffice;

    /** @param ownOffice the receiving office: a file addressed to any other is refused, however well signed */
    ReceivedFileCheck(OfficeCertificateVerifier verifier, String ownOffice) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.ownOffice = Objects.requireNonNull(ownOffice, "ownOffice");
    }

    /**
     * @param signature the {@value FileSignature#HEADER} value (may be null)
     * @param signerCertificate the {@value FileSignature#SIGNER_HEADER} value (may be null)
     * @param sha256 the relay's {@code X-Renkei-Sha256} (may be null)
     */
    Verdict check(String fileName, byte[] content, String signature, String signerCertificate, String sha256) {
        X509Certificate signer;
        try {
            signer = FileSignature.decodeCertificate(signerCertificate);
        } catch (IllegalArgumentException unreadable) {
            return new Refused(NO_SIGNER, "the relay delivered no usable signer certificate: " + unreadable.getMessage());
        }
        OfficeIdentity identity = verifier.verify(new X509Certificate[] {signer});
        if (identity instanceof OfficeIdentity.Refused refused) {
            return new Refused(SIGNER_REFUSED, "the signer certificate (serial " + RevokedSerials.hex(signer.getSerialNumber())
                    + ") is not a valid office certificate: " + refused.code() + " " + refused.messageEn());
        }
        OfficeIdentity.Proven proven = (OfficeIdentity.Proven) identity;
        String sender;
        String addressee;
        try {
            StandardFileName parsed = StandardFileName.parse(fileName);
            sender = parsed.senderOffice();
            addressee = parsed.recipientOffice();
        } catch (InvalidFileNameException notStandard) {
            return new Refused(NOT_THE_SENDER, "the file name is not a standard name, so its sender is unknown: "
                    + notStandard.getMessage());
        }
        if (!addressee.equals(ownOffice)) {
            return new Refused(NOT_OURS, "the file is addressed to office " + addressee + ", not to this office "
                    + ownOffice + ": the relay delivered another office's file; it was kept out of the inbox folder —"
                    + " report it to the relay's operator");
        }
        if (!sender.equals(proven.officeNumber())) {
            return new Refused(NOT_THE_SENDER, "the file names sender office " + sender + " but was signed by office "
                    + proven.officeNumber() + " (certificate serial " + RevokedSerials.hex(proven.serial()) + ")");
        }
        if (!FileSignature.verifies(signer, fileName, content, signature)) {
            return new Refused(BAD_SIGNATURE, signature == null || signature.isBlank()
                    ? "the relay delivered no " + FileSignature.HEADER + " for the file"
                    : "the signature of office " + sender + " does not verify over the name and bytes received: the"
                            + " file was renamed or changed after the sender signed it; ask office " + sender
                            + " to send it again");
        }
        String actual = FileDigest.sha256(content);
        if (sha256 == null || !sha256.strip().equalsIgnoreCase(actual)) {
            return new Refused(CHECKSUM_MISMATCH, "the bytes received have SHA-256 " + actual + " but the relay names "
                    + (sha256 == null ? "none" : sha256.strip()));
        }
        return new Signed(proven.officeNumber(), RevokedSerials.hex(proven.serial()));
    }
}
