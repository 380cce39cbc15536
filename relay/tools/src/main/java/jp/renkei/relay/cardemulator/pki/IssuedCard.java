package jp.renkei.relay.cardemulator.pki;

import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * What a card holds: its RSA 2048 key pair and the user-authentication certificate an issuer made for it.
 *
 * @param holderName the name the certificate was issued to (its subject CN)
 * @param keyPair the card's key pair; the private key never leaves the (emulated) card
 * @param certificate the card's certificate, signed by the issuer
 */
public record IssuedCard(String holderName, KeyPair keyPair, X509Certificate certificate) {
    public IssuedCard {
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(keyPair, "keyPair");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** The certificate serial in lower-case hex, as the eligibility registry keys it ({@code certificate_serial}). */
    public String serialHex() {
        return certificate.getSerialNumber().toString(16);
    }

    /** The certificate in DER, as the card returns it through READ BINARY. */
    public byte[] certificateDer() {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException impossible) {
            throw new IllegalStateException("a parsed certificate cannot be encoded", impossible);
        }
    }

    @Override
    public String toString() {
        return "IssuedCard[holder=" + holderName + ", serial=" + serialHex() + "]";
    }
}
