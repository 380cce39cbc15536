package jp.renkei.relay.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import jp.renkei.relay.cardemulator.CardEmulator;
import jp.renkei.relay.cardemulator.pki.CardIssuer;
import jp.renkei.relay.cardemulator.pki.IssuedCard;
import jp.renkei.relay.testing.Pcscd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reader against the emulated card, through the real pcscd and its vpcd virtual reader. */
@ExtendWith(Pcscd.class)
class CardReaderTest {
    private static final String PIN = "4711";
    private static final IssuedCard CARD = CardIssuer.create("renkei test JPKI").issue("山田 花子", Duration.ofDays(365));
    private static final Duration CARD_TIMEOUT = Duration.ofSeconds(3);

    private final CardReader reader = new CardReader(Pcscd.READER, CARD_TIMEOUT);
    private CardEmulator emulator;

    @BeforeEach
    void insertCard() throws Exception {
        emulator = new CardEmulator(CARD, PIN).insert();
    }

    @AfterEach
    void removeCard() {
        emulator.close();
        Pcscd.awaitNoCard();
    }

    @Test
    void pinCheckReadsTheCertificateAndTheCardSignsTheChallenge() throws Exception {
        byte[] challenge = challenge();
        char[] pin = PIN.toCharArray();

        CardReading reading = reader.read(CardMethod.PIN, challenge, pin);

        assertThat(reading.method()).isEqualTo(CardMethod.PIN);
        assertThat(reading.certificateDer()).isEqualTo(CARD.certificateDer());
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(CARD.certificate());
        verifier.update(challenge);
        assertThat(verifier.verify(reading.signature())).as("signature over the challenge verifies").isTrue();
        assertThat(reading.latencyMillis()).isNotNegative();
        assertThat(pin).as("the PIN is wiped after use").containsOnly('\0');
    }

    @Test
    void faceConfirmationReadsTheCertificateWithoutPinOrSignature() throws Exception {
        CardReading reading = reader.read(CardMethod.FACE, null, null);

        assertThat(reading.method()).isEqualTo(CardMethod.FACE);
        assertThat(reading.certificateDer()).isEqualTo(CARD.certificateDer());
        assertThat(reading.signature()).isNull();
        assertThat(emulator.pinTriesLeft()).isEqualTo(3);
    }

    @Test
    void wrongPinTellsHowManyTriesAreLeftAndARightPinResetsTheCounter() throws Exception {
        CardCheckException wrong = readWithPin("0000");

        assertThat(wrong.failure()).isEqualTo(CardCheckFailure.WRONG_PIN);
        assertThat(wrong.remainingTries()).hasValue(2);
        assertThat(wrong.messageJa()).startsWith("暗証番号が違います。あと2回間違えるとカードがロックされます。");
        assertThat(wrong.getMessage()).contains("CARD-OFFICE-004", "2 more wrong attempt");
        assertThat(wrong.failure().reason()).isEqualTo("wrong_pin");

        reader.read(CardMethod.PIN, challenge(), PIN.toCharArray());
        assertThat(emulator.pinTriesLeft()).isEqualTo(3);
    }

    @Test
    void threeWrongPinsInARowLockTheCard() throws Exception {
        assertThat(readWithPin("0000").remainingTries()).hasValue(2);
        assertThat(readWithPin("1111").remainingTries()).hasValue(1);

        CardCheckException third = readWithPin("2222");
        assertThat(third.failure()).isEqualTo(CardCheckFailure.PIN_LOCKED);
        assertThat(emulator.pinTriesLeft()).isZero();

        assertThat(readWithPin(PIN).failure()).as("the right PIN no longer helps").isEqualTo(CardCheckFailure.PIN_LOCKED);
    }

    @Test
    void lockedCardIsRefusedBeforeThePinIsSentAndFaceConfirmationStillWorks() throws Exception {
        emulator.setPinTriesLeft(0);

        CardCheckException locked = readWithPin(PIN);

        assertThat(locked.failure()).isEqualTo(CardCheckFailure.PIN_LOCKED);
        assertThat(locked.remainingTries()).isEmpty();
        assertThat(locked.messageJa()).contains("暗証番号がロックされています", "顔認証または目視", "CARD-OFFICE-005");
        assertThat(reader.read(CardMethod.VISUAL, null, null).certificateDer()).isEqualTo(CARD.certificateDer());
    }

    @Test
    void noCardWithinTheTimeout() {
        emulator.close();
        Pcscd.awaitNoCard();
        CardReader impatient = new CardReader(Pcscd.READER, Duration.ofMillis(300));

        long started = System.nanoTime();
        CardCheckException timeout = catchThrowableOfType(CardCheckException.class,
                () -> impatient.read(CardMethod.FACE, null, null));

        assertThat(timeout.failure()).isEqualTo(CardCheckFailure.NO_CARD_TIMEOUT);
        assertThat(timeout.messageJa()).contains("カードが置かれませんでした");
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(250L, 2_000L);
    }

    @Test
    void cardPulledOutBetweenTwoApdus() {
        // Out right after SELECT EF certificate answers: the READ BINARY that follows finds no card.
        emulator.pullOutAfter(command -> command.length == 7 && command[1] == (byte) 0xA4 && command[6] == 0x0A);

        CardCheckException removed = readWithPin(PIN);

        assertThat(removed.failure()).isEqualTo(CardCheckFailure.CARD_REMOVED);
        assertThat(removed.messageJa()).contains("確認の途中でカードが取り外されました");
        assertThat(emulator.inserted()).isFalse();
    }

    @Test
    void cardPulledOutAfterThePinWasVerifiedForgetsTheVerification() throws Exception {
        emulator.pullOutAfter(command -> command.length == 9 && command[1] == 0x20);

        assertThat(readWithPin(PIN).failure()).isEqualTo(CardCheckFailure.CARD_REMOVED);
        Pcscd.awaitNoCard();
        emulator.insert();

        assertThat(reader.read(CardMethod.PIN, challenge(), PIN.toCharArray()).signature()).hasSize(256);
        assertThat(emulator.pinTriesLeft()).isEqualTo(3);
    }

    @Test
    void unknownReaderNameIsNoReader() {
        CardCheckException noReader = catchThrowableOfType(CardCheckException.class,
                () -> new CardReader("No Such Reader 99", CARD_TIMEOUT).read(CardMethod.FACE, null, null));

        assertThat(noReader.failure()).isEqualTo(CardCheckFailure.NO_READER);
        assertThat(noReader.getMessage()).contains("No Such Reader 99", Pcscd.READER);
        assertThat(noReader.messageJa()).contains("カードリーダーが見つかりません");
    }

    /** A PIN reading that must fail; the PIN array is wiped either way. */
    private CardCheckException readWithPin(String pin) {
        char[] digits = pin.toCharArray();
        CardCheckException failure = catchThrowableOfType(CardCheckException.class,
                () -> reader.read(CardMethod.PIN, challenge(), digits));
        assertThat(failure).as("the reading fails").isNotNull();
        assertThat(digits).as("the PIN is wiped even when the reading fails").containsOnly('\0');
        return failure;
    }

    private static byte[] challenge() {
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        return challenge;
    }
}
