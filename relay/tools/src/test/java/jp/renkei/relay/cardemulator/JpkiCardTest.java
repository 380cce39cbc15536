package jp.renkei.relay.cardemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import jp.renkei.relay.cardemulator.pki.CardIssuer;
import jp.renkei.relay.cardemulator.pki.IssuedCard;
import org.junit.jupiter.api.Test;

/** The emulated card's APDU answers, straight, without pcscd (docs/card-check.md, "APDUs the emulated card answers"). */
class JpkiCardTest {
    private static final IssuedCard CARD = CardIssuer.create("renkei test JPKI").issue("card", Duration.ofDays(30));
    private static final HexFormat HEX = HexFormat.of();

    private final JpkiCard card = new JpkiCard(CARD, "1234");

    @Test
    void readsTheCertificateInChunksAndRefusesAnOffsetPastTheEnd() {
        assertThat(sw(card.answer(apdu("00a4040c0ad392f000260100000001")))).isEqualTo("9000");
        assertThat(sw(card.answer(apdu("00a4020c02000a")))).isEqualTo("9000");
        byte[] certificate = CARD.certificateDer();

        byte[] first = card.answer(apdu("00b0000000"));
        assertThat(first).hasSize(258);
        assertThat(Arrays.copyOf(first, 256)).isEqualTo(Arrays.copyOf(certificate, 256));
        byte[] last = card.answer(apdu("00b0" + "%04x".formatted(certificate.length - 10) + "00"));
        assertThat(Arrays.copyOf(last, 10)).isEqualTo(Arrays.copyOfRange(certificate, certificate.length - 10, certificate.length));
        assertThat(sw(last)).isEqualTo("9000");
        assertThat(sw(card.answer(apdu("00b0" + "%04x".formatted(certificate.length) + "00")))).isEqualTo("6b00");
    }

    @Test
    void countsPinTriesAndLocksAfterThreeWrongInARow() {
        selectPin();
        assertThat(sw(card.answer(apdu("00200080")))).isEqualTo("63c3");
        assertThat(sw(card.answer(verify("0000")))).isEqualTo("63c2");
        assertThat(sw(card.answer(verify("1234")))).isEqualTo("9000");
        assertThat(card.pinTriesLeft()).isEqualTo(3);
        assertThat(sw(card.answer(verify("0000")))).isEqualTo("63c2");
        assertThat(sw(card.answer(verify("0000")))).isEqualTo("63c1");
        assertThat(sw(card.answer(verify("0000")))).isEqualTo("63c0");
        assertThat(sw(card.answer(verify("1234")))).isEqualTo("6984");
        assertThat(sw(card.answer(apdu("00200080")))).isEqualTo("6984");
    }

    @Test
    void signsOnlyAfterThePinWasVerifiedInThisPowerCycle() {
        String digestInfo = "3031300d060960864801650304020105000420" + "00".repeat(32);
        String sign = "802a0080" + "33" + digestInfo + "00";
        card.answer(apdu("00a4040c0ad392f000260100000001"));
        selectKey();
        assertThat(sw(card.answer(apdu(sign)))).isEqualTo("6982");

        selectPin();
        assertThat(sw(card.answer(verify("1234")))).isEqualTo("9000");
        selectKey();
        byte[] signature = card.answer(apdu(sign));
        assertThat(signature).hasSize(258);
        assertThat(sw(signature)).isEqualTo("9000");

        card.powerCycle();
        card.answer(apdu("00a4040c0ad392f000260100000001"));
        selectKey();
        assertThat(sw(card.answer(apdu(sign)))).isEqualTo("6982");
    }

    @Test
    void answersUnknownInstructionsFilesAndLengths() {
        assertThat(sw(card.answer(apdu("00ca000000")))).isEqualTo("6d00");
        assertThat(sw(card.answer(apdu("00a4040c0ad392100031000101040800")))).isEqualTo("6a82");
        assertThat(sw(card.answer(apdu("00a4040c0ad392f000260100000001")))).isEqualTo("9000");
        assertThat(sw(card.answer(apdu("00a4020c020001")))).isEqualTo("6a82");
        selectPin();
        assertThat(sw(card.answer(verify("12345")))).isEqualTo("6700");
        assertThat(card.pinTriesLeft()).isEqualTo(3);
    }

    @Test
    void refusesAPinThatIsNotFourDigits() {
        assertThatThrownBy(() -> new JpkiCard(CARD, "12a4")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("12a4");
    }

    private void selectPin() {
        card.answer(apdu("00a4040c0ad392f000260100000001"));
        assertThat(sw(card.answer(apdu("00a4020c020018")))).isEqualTo("9000");
    }

    private void selectKey() {
        assertThat(sw(card.answer(apdu("00a4020c020017")))).isEqualTo("9000");
    }

    private static byte[] verify(String pin) {
        return apdu("00200080" + "%02x".formatted(pin.length()) + HEX.formatHex(pin.getBytes()));
    }

    private static byte[] apdu(String hex) {
        return HEX.parseHex(hex);
    }

    private static String sw(byte[] response) {
        return HEX.formatHex(response, response.length - 2, response.length);
    }
}
