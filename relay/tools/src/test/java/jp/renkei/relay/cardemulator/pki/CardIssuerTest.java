package jp.renkei.relay.cardemulator.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardIssuerTest {
    private static final CardIssuer ISSUER = CardIssuer.create("renkei test JPKI");

    @Test
    void issuesAnRsa2048CardCertificateSignedByTheIssuer() throws Exception {
        IssuedCard card = ISSUER.issue("山田 花子", Duration.ofDays(365));

        assertThat(card.keyPair().getPublic()).isInstanceOf(RSAPublicKey.class);
        assertThat(((RSAPublicKey) card.keyPair().getPublic()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(card.certificate().getPublicKey()).isEqualTo(card.keyPair().getPublic());
        card.certificate().verify(ISSUER.certificate().getPublicKey());
        card.certificate().checkValidity();
        assertThat(card.certificate().getSubjectX500Principal().getName()).contains("CN=山田 花子");
        assertThat(card.certificate().getIssuerX500Principal()).isEqualTo(ISSUER.certificate().getSubjectX500Principal());
        assertThat(card.certificate().getBasicConstraints()).isEqualTo(-1);
        assertThat(ISSUER.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void serialIsAPositive64BitNumberInLowerCaseHex() {
        IssuedCard card = ISSUER.issue("serial", Duration.ofDays(1));

        assertThat(card.certificate().getSerialNumber().signum()).isPositive();
        assertThat(card.certificate().getSerialNumber().bitLength()).isLessThanOrEqualTo(64);
        assertThat(card.serialHex()).matches("[0-9a-f]{1,16}").isEqualTo(card.certificate().getSerialNumber().toString(16));
        assertThat(ISSUER.issue("other", Duration.ofDays(1)).serialHex()).isNotEqualTo(card.serialHex());
    }

    @Test
    void issuesCertificatesValidInThePastForExpiryChecks() {
        Instant now = Instant.now();
        IssuedCard expired = ISSUER.issue("期限切れ", now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)));

        assertThatThrownBy(() -> expired.certificate().checkValidity()).isInstanceOf(CertificateExpiredException.class);
        assertThatThrownBy(() -> ISSUER.issue("backwards", now, now.minus(Duration.ofDays(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cardKeySignsAndTheCertificateVerifies() throws Exception {
        IssuedCard card = ISSUER.issue("sign", Duration.ofDays(1));
        byte[] challenge = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(card.keyPair().getPrivate());
        signer.update(challenge);
        byte[] signature = signer.sign();

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(card.certificate());
        verifier.update(challenge);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void savesAndLoadsTheIssuerSoItCanIssueLater(@TempDir Path folder) throws Exception {
        ISSUER.save(folder);
        CardIssuer loaded = CardIssuer.load(folder);

        assertThat(loaded.certificate()).isEqualTo(ISSUER.certificate());
        assertThat(Files.readString(folder.resolve(CardIssuer.KEY_FILE), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN PRIVATE KEY-----");
        loaded.issue("after reload", Duration.ofDays(1)).certificate().verify(ISSUER.certificate().getPublicKey());
    }

    @Test
    void writesAndReadsTheCertificatePem(@TempDir Path folder) throws Exception {
        Path pem = folder.resolve("card-issuers").resolve("test.pem");
        ISSUER.writeCertificatePem(pem);

        assertThat(Files.readString(pem, StandardCharsets.US_ASCII)).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(CardIssuer.readCertificatePem(pem)).isEqualTo(ISSUER.certificate());
    }
}
