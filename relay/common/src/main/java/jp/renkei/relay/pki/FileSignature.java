package jp.renkei.relay.pki;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Objects;

/**
 * Detached signatures (SHA256withRSA) over a file's name and exact bytes, sent beside the file in {@value #HEADER}
 * with the signer's certificate in {@value #SIGNER_HEADER}. A receiver first proves the certificate with
 * {@link OfficeCertificateVerifier}, then checks the signature with {@link #verifies}.
 *
 * <p>The name is signed too, since it says who the file is for and what it is: a signature over the bytes alone let
 * anyone who saw a signed file (an addressee, the relay) send the same bytes under another name, to another office or
 * as another month. What is signed: {@value #DOMAIN}, a zero byte, the name in UTF-8, a zero byte, the bytes.
 */
public final class FileSignature {
    /** Base64 of the signature. */
    public static final String HEADER = "X-Renkei-Signature";
    /** Base64 of the signer certificate's DER. */
    public static final String SIGNER_HEADER = "X-Renkei-Signer-Certificate";
    public static final String ALGORITHM = "SHA256withRSA";
    /** Marks what the signature is for, so that it cannot be taken for an office key's signature of anything else. */
    static final String DOMAIN = "renkei standard file v2";

    private FileSignature() {
    }

    /** The base64 signature of the file {@code fileName} with {@code content}, with an RSA {@code key}. */
    public static String sign(PrivateKey key, String fileName, byte[] content) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            update(signer, fileName, content);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException unusable) {
            throw new IllegalArgumentException("cannot sign with a " + key.getAlgorithm() + " key: office keys are "
                    + "RSA (" + ALGORITHM + ")", unusable);
        }
    }

    /**
     * Whether {@code base64Signature} is {@code signer}'s signature over exactly this name and content; false, never
     * an exception, for a missing or malformed value, one of the wrong length, or a signer whose key is not RSA.
     */
    public static boolean verifies(X509Certificate signer, String fileName, byte[] content, String base64Signature) {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
        if (base64Signature == null || !(signer.getPublicKey() instanceof RSAPublicKey key)) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(base64Signature.strip());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        if (signature.length != (key.getModulus().bitLength() + 7) / 8) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            update(verifier, fileName, content);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException unverifiable) {
            return false;
        }
    }

    private static void update(Signature signature, String fileName, byte[] content) throws GeneralSecurityException {
        signature.update(DOMAIN.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        signature.update((byte) 0);
        signature.update(fileName.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        signature.update((byte) 0);
        signature.update(content);
    }

    /** The value of {@value #SIGNER_HEADER}: base64 of the certificate's DER. */
    public static String encodeCertificate(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException impossible) {
            throw new IllegalStateException("a parsed certificate cannot be encoded", impossible);
        }
    }

    /** Reads {@value #SIGNER_HEADER}; IllegalArgumentException saying what is wrong when it is not a certificate. */
    public static X509Certificate decodeCertificate(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(SIGNER_HEADER + " is missing or empty");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(SIGNER_HEADER + " is not base64: " + notBase64.getMessage(), notBase64);
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException notACertificate) {
            throw new IllegalArgumentException(SIGNER_HEADER + " is not an X.509 certificate in DER: "
                    + notACertificate.getMessage(), notACertificate);
        }
    }
}
