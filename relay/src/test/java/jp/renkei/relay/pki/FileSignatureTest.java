package jp.renkei.relay.pki;

import static jp.renkei.relay.pki.TestAuthorities.CREDENTIALS;
import static jp.renkei.relay.pki.TestAuthorities.FOREIGN;
import static jp.renkei.relay.pki.TestAuthorities.OURS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FileSignatureTest {
    private static final byte[] CONTENT = "1310000001,2710000002,202611,訪問介護\r\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureVerifiesWithTheSignersCertificate() {
        String signature = CREDENTIALS.sign(CONTENT);

        assertThat(Base64.getDecoder().decode(signature)).hasSize(256);
        assertThat(FileSignature.verifies(CREDENTIALS.certificate(), CONTENT, signature)).isTrue();
        assertThat(FileSignature.sign(CREDENTIALS.privateKey(), CONTENT)).isEqualTo(signature);
    }

    @Test
    void aSingleChangedByteOfContentFails() {
        String signature = CREDENTIALS.sign(CONTENT);
        byte[] tampered = CONTENT.clone();
        tampered[tampered.length - 3] ^= 1;

        assertThat(FileSignature.verifies(CREDENTIALS.certificate(), tampered, signature)).isFalse();
        assertThat(FileSignature.verifies(CREDENTIALS.certificate(), new byte[0], signature)).isFalse();
    }

    @Test
    void aChangedSignatureFails() {
        byte[] signature = Base64.getDecoder().decode(CREDENTIALS.sign(CONTENT));
        signature[100] ^= 0x40;

        assertThat(FileSignature.verifies(CREDENTIALS.certificate(), CONTENT, Base64.getEncoder().encodeToString(signature)))
                .isFalse();
    }

    @Test
    void malformedSignaturesAreFalseNotExceptions() {
        String good = CREDENTIALS.sign(CONTENT);
        String[] malformed = {null, "", "   ", "!!! not base64 !!!", Base64.getEncoder().encodeToString(new byte[10]),
            good.substring(0, good.length() - 8), good + good, Base64.getEncoder().encodeToString(new byte[256])};

        for (String signature : malformed) {
            assertThat(FileSignature.verifies(CREDENTIALS.certificate(), CONTENT, signature)).as(signature).isFalse();
        }
    }

    @Test
    void anotherSignersCertificateFails() {
        String signature = CREDENTIALS.sign(CONTENT);
        OfficeCredentials other = OURS.issue("2710000002", Duration.ofDays(1));
        OfficeCredentials sameOfficeOtherCa = FOREIGN.issue(CREDENTIALS.officeNumber(), Duration.ofDays(1));

        assertThat(FileSignature.verifies(other.certificate(), CONTENT, signature)).isFalse();
        assertThat(FileSignature.verifies(sameOfficeOtherCa.certificate(), CONTENT, signature)).isFalse();
    }

    @Test
    void signingWithANonRsaKeyIsRefusedClearly() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));

        assertThatThrownBy(() -> FileSignature.sign(generator.generateKeyPair().getPrivate(), CONTENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EC key");
    }

    @Test
    void theSignerCertificateTravelsAsBase64Der() throws Exception {
        String header = FileSignature.encodeCertificate(CREDENTIALS.certificate());

        assertThat(Base64.getDecoder().decode(header)).isEqualTo(CREDENTIALS.certificate().getEncoded());
        assertThat(FileSignature.decodeCertificate(header)).isEqualTo(CREDENTIALS.certificate());
    }

    @Test
    void aSignerHeaderThatIsNotACertificateSaysWhy() {
        assertThatThrownBy(() -> FileSignature.decodeCertificate("%%%")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-Renkei-Signer-Certificate is not base64");
        assertThatThrownBy(() -> FileSignature.decodeCertificate(Base64.getEncoder().encodeToString(CONTENT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an X.509 certificate");
        assertThatThrownBy(() -> FileSignature.decodeCertificate(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
        assertThat(FileSignature.HEADER).isEqualTo("X-Renkei-Signature");
        assertThat(FileSignature.SIGNER_HEADER).isEqualTo("X-Renkei-Signer-Certificate");
    }
}
