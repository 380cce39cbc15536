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
    private static final String NAME = "UPPLAN_202611_1310000001_43_2710000002_11_20261025093000.CSV";
    private static final byte[] CONTENT = "1310000001,2710000002,202611,訪問介護\r\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureVerifiesWithTheSignersCertificate() {
        String signature = CREDENTIALS.sign(NAME, CONTENT);

        assertThat(Base64.getDecoder().decode(signature)).hasSize(256);
        assertThat(FileSignature.verifies(CREDENTIALS.certificate(), NAME, CONTENT, signature)).isTrue();
        assertThat(FileSignature.sign(CREDENTIALS.privateKey(), NAME, CONTENT)).isEqualTo(signature);
    }

    @Test
    void aSingleChangedByteOfContentFails() {
        String signature = CREDENTIALS.sign(NAME, CONTENT);
        byte[] tampered = CONTENT.clone();
        tampered[tampered.length - 3] ^= 1;

        assertThat(FileSignature.verifies(CREDENTIALS.certificate(), NAME, tampered, signature)).isFalse();
        assertThat(FileSignature.verifies(CREDENTIALS.certificate(), NAME, new byte[0], signature)).isFalse();
    }

    /**
     * A signature over the bytes alone let whoever saw a signed file (its addressee, the relay) send the same bytes
     * under another name: to another office, or as another month. The name is signed with the bytes now.
     */
    @Test
    void theSameBytesUnderAnotherNameFail() {
        String signature = CREDENTIALS.sign(NAME, CONTENT);
        String toAnotherOffice = NAME.replace("_2710000002_", "_2710000010_");
        String anotherMonth = NAME.replace("UPPLAN_202611_", "UPPLAN_202612_");

        assertThat(FileSignature.verifies(CREDENTIALS.certificate(), toAnotherOffice, CONTENT, signature)).isFalse();
        assertThat(FileSignature.verifies(CREDENTIALS.certificate(), anotherMonth, CONTENT, signature)).isFalse();
        assertThat(FileSignature.verifies(CREDENTIALS.certificate(), NAME, CONTENT, signature)).isTrue();
    }

    @Test
    void aChangedSignatureFails() {
        byte[] signature = Base64.getDecoder().decode(CREDENTIALS.sign(NAME, CONTENT));
        signature[100] ^= 0x40;

        assertThat(FileSignature.verifies(CREDENTIALS.certificate(), NAME, CONTENT, Base64.getEncoder().encodeToString(signature)))
                .isFalse();
    }

    @Test
    void malformedSignaturesAreFalseNotExceptions() {
        String good = CREDENTIALS.sign(NAME, CONTENT);
        String[] malformed = {null, "", "   ", "!!! not base64 !!!", Base64.getEncoder().encodeToString(new byte[10]),
            good.substring(0, good.length() - 8), good + good, Base64.getEncoder().encodeToString(new byte[256])};

        for (String signature : malformed) {
            assertThat(FileSignature.verifies(CREDENTIALS.certificate(), NAME, CONTENT, signature)).as(signature).isFalse();
        }
    }

    @Test
    void anotherSignersCertificateFails() {
        String signature = CREDENTIALS.sign(NAME, CONTENT);
        OfficeCredentials other = OURS.issue("2710000002", Duration.ofDays(1));
        OfficeCredentials sameOfficeOtherCa = FOREIGN.issue(CREDENTIALS.officeNumber(), Duration.ofDays(1));

        assertThat(FileSignature.verifies(other.certificate(), NAME, CONTENT, signature)).isFalse();
        assertThat(FileSignature.verifies(sameOfficeOtherCa.certificate(), NAME, CONTENT, signature)).isFalse();
    }

    @Test
    void signingWithANonRsaKeyIsRefusedClearly() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));

        assertThatThrownBy(() -> FileSignature.sign(generator.generateKeyPair().getPrivate(), NAME, CONTENT))
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
