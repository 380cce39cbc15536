package jp.renkei.relay.card;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;

/**
 * Reads a My Number card through PC/SC: waits for the card, SELECTs the JPKI application, VERIFYs the PIN (method
 * {@link CardMethod#PIN} only), READs the user-authentication certificate and has the card sign the relay's
 * challenge (COMPUTE DIGITAL SIGNATURE over the SHA-256 DigestInfo, so the relay verifies {@code SHA256withRSA}).
 * Every failure is a {@link CardCheckException} with a {@link CardCheckFailure}. The card is reset at the end, so a
 * verified PIN does not outlive the reading.
 */
public final class CardReader {
    private static final System.Logger LOG = System.getLogger(CardReader.class.getName());
    /** How long a failed transmit waits for pcscd to report the card gone before calling it a card error. */
    private static final long REMOVAL_SETTLE_MILLIS = 1_500;
    private static final int PIN_LENGTH = 4;

    private final String readerName;
    private final Duration cardTimeout;

    /**
     * @param readerName the PC/SC reader to use (exact name or prefix), or null for the reader holding a card, else
     *     the first reader
     * @param cardTimeout how long to wait for a card to be placed
     */
    public CardReader(String readerName, Duration cardTimeout) {
        this.readerName = readerName;
        this.cardTimeout = Objects.requireNonNull(cardTimeout, "cardTimeout");
    }

    /**
     * Reads the card. For {@link CardMethod#PIN} the card signs {@code challenge} after verifying {@code pin}; for face
     * and visual confirmation only the certificate is read and {@code pin} must be null. {@code pin} is wiped before
     * this returns, whatever happens.
     */
    public CardReading read(CardMethod method, byte[] challenge, char[] pin) throws CardCheckException {
        long started = System.nanoTime();
        byte[] pinDigits = null;
        try {
            pinDigits = pinDigits(method, pin);
            if (method.signs() && (challenge == null || challenge.length == 0)) {
                throw new IllegalArgumentException("a PIN check signs the relay's challenge; none was given");
            }
            CardTerminal terminal = terminal();
            awaitCard(terminal);
            Card card = connect(terminal);
            try {
                CardSession session = new CardSession(terminal, card.getBasicChannel());
                session.selectJpki();
                if (method.signs()) {
                    session.verifyPin(pinDigits);
                }
                byte[] certificate = session.readCertificate();
                byte[] signature = method.signs() ? session.sign(challenge) : null;
                return new CardReading(method, certificate, signature, (System.nanoTime() - started) / 1_000_000);
            } finally {
                disconnect(card);
            }
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
            if (pinDigits != null) {
                Arrays.fill(pinDigits, (byte) 0);
            }
        }
    }

    /** The PC/SC terminal factory; fails when javax.smartcardio has no PC/SC service (pcscd not running). */
    public static TerminalFactory pcsc() throws CardCheckException {
        TerminalFactory factory;
        try {
            // Not TerminalFactory.getDefault(): that one falls back to type "None" for the JVM's life if pcscd was down.
            factory = TerminalFactory.getInstance("PC/SC", null);
        } catch (NoSuchAlgorithmException unavailable) {
            throw new CardCheckException(CardCheckFailure.NO_READER,
                    "javax.smartcardio has no PC/SC service: is pcscd running? (" + rootMessage(unavailable) + ")",
                    unavailable);
        }
        if (!"PC/SC".equals(factory.getType())) {
            throw new CardCheckException(CardCheckFailure.NO_READER,
                    "javax.smartcardio terminal factory is of type " + factory.getType() + ", not PC/SC");
        }
        return factory;
    }

    private CardTerminal terminal() throws CardCheckException {
        List<CardTerminal> terminals;
        try {
            terminals = pcsc().terminals().list();
        } catch (CardException failure) {
            throw new CardCheckException(CardCheckFailure.NO_READER, "cannot list PC/SC readers: " + rootMessage(failure),
                    failure);
        }
        if (readerName != null) {
            return terminals.stream().filter(terminal -> terminal.getName().equals(readerName)).findFirst()
                    .or(() -> terminals.stream().filter(terminal -> terminal.getName().startsWith(readerName)).findFirst())
                    .orElseThrow(() -> new CardCheckException(CardCheckFailure.NO_READER,
                            "no reader named '" + readerName + "' among " + names(terminals)));
        }
        if (terminals.isEmpty()) {
            throw new CardCheckException(CardCheckFailure.NO_READER, "PC/SC lists no reader");
        }
        for (CardTerminal terminal : terminals) {
            try {
                if (terminal.isCardPresent()) {
                    return terminal;
                }
            } catch (CardException unreadable) {
                LOG.log(System.Logger.Level.DEBUG, "reader {0} does not answer: {1}", terminal.getName(),
                        rootMessage(unreadable));
            }
        }
        return terminals.get(0);
    }

    private void awaitCard(CardTerminal terminal) throws CardCheckException {
        boolean present;
        try {
            present = terminal.waitForCardPresent(Math.max(1, cardTimeout.toMillis()));
        } catch (CardException failure) {
            throw new CardCheckException(CardCheckFailure.NO_READER,
                    "reader " + terminal.getName() + " failed while waiting for a card: " + rootMessage(failure), failure);
        }
        if (!present) {
            throw new CardCheckException(CardCheckFailure.NO_CARD_TIMEOUT,
                    "no card on " + terminal.getName() + " within " + cardTimeout.toMillis() + " ms");
        }
    }

    private static Card connect(CardTerminal terminal) throws CardCheckException {
        try {
            return terminal.connect("*");
        } catch (CardNotPresentException gone) {
            throw new CardCheckException(CardCheckFailure.CARD_REMOVED, "card gone before connecting", gone);
        } catch (CardException failure) {
            throw lost(terminal, "connect", failure);
        }
    }

    private static void disconnect(Card card) {
        try {
            card.disconnect(true);
        } catch (CardException | IllegalStateException alreadyGone) {
            LOG.log(System.Logger.Level.DEBUG, "disconnecting from the card failed (card gone?): {0}",
                    rootMessage(alreadyGone));
        }
    }

    /** A failed transmit: the card was pulled out if pcscd soon reports it absent, else the card misbehaved. */
    static CardCheckException lost(CardTerminal terminal, String step, Exception failure) {
        boolean removed;
        try {
            removed = terminal.waitForCardAbsent(REMOVAL_SETTLE_MILLIS);
        } catch (CardException readerGone) {
            failure.addSuppressed(readerGone);
            removed = true;
        }
        return removed
                ? new CardCheckException(CardCheckFailure.CARD_REMOVED, "card gone during " + step, failure)
                : new CardCheckException(CardCheckFailure.CARD_ERROR, step + " failed: " + rootMessage(failure), failure);
    }

    private static byte[] pinDigits(CardMethod method, char[] pin) {
        if (!method.signs()) {
            if (pin != null) {
                throw new IllegalArgumentException(method.wireName() + " confirmation takes no PIN");
            }
            return null;
        }
        if (pin == null || pin.length != PIN_LENGTH) {
            throw new IllegalArgumentException("the PIN must be " + PIN_LENGTH + " digits");
        }
        byte[] digits = new byte[PIN_LENGTH];
        for (int i = 0; i < PIN_LENGTH; i++) {
            if (pin[i] < '0' || pin[i] > '9') {
                Arrays.fill(digits, (byte) 0);
                throw new IllegalArgumentException("the PIN must be " + PIN_LENGTH + " digits");
            }
            digits[i] = (byte) pin[i];
        }
        return digits;
    }

    private static String names(List<CardTerminal> terminals) {
        return terminals.stream().map(CardTerminal::getName).toList().toString();
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage()) : failure.getMessage() + ": " + root.getMessage();
    }

    /** The APDU exchange with one connected card. */
    private static final class CardSession {
        private final CardTerminal terminal;
        private final CardChannel channel;

        CardSession(CardTerminal terminal, CardChannel channel) {
            this.terminal = terminal;
            this.channel = channel;
        }

        void selectJpki() throws CardCheckException {
            ResponseAPDU response = transmit(JpkiCommands.selectJpki(), "SELECT JPKI AP");
            if (response.getSW() != JpkiCommands.SW_OK) {
                throw new CardCheckException(CardCheckFailure.CARD_ERROR, "the card has no JPKI application (SW "
                        + sw(response) + "): not a My Number card?");
            }
        }

        void verifyPin(byte[] pinDigits) throws CardCheckException {
            expectOk(transmit(JpkiCommands.selectFile(JpkiCommands.EF_AUTH_PIN), "SELECT EF auth PIN"), "SELECT EF auth PIN");
            ResponseAPDU status = transmit(JpkiCommands.pinStatus(), "VERIFY (tries left)");
            if (status.getSW() == JpkiCommands.SW_PIN_BLOCKED || status.getSW() == 0x63C0) {
                throw new CardCheckException(CardCheckFailure.PIN_LOCKED, "the card reports its PIN blocked before VERIFY");
            }
            int sw = verify(pinDigits);
            if (sw == JpkiCommands.SW_OK) {
                return;
            }
            if ((sw & 0xFFF0) == 0x63C0) {
                int left = sw & 0x0F;
                if (left == 0) {
                    throw new CardCheckException(CardCheckFailure.PIN_LOCKED, "wrong PIN, no tries left: the card locked");
                }
                throw CardCheckException.wrongPin(left);
            }
            if (sw == JpkiCommands.SW_PIN_BLOCKED) {
                throw new CardCheckException(CardCheckFailure.PIN_LOCKED, "the card reports its PIN blocked");
            }
            throw new CardCheckException(CardCheckFailure.CARD_ERROR, "VERIFY answered SW " + String.format("%04X", sw));
        }

        /** VERIFY through a byte buffer we wipe, rather than a CommandAPDU that keeps its own copy of the PIN. */
        private int verify(byte[] pinDigits) throws CardCheckException {
            byte[] command = new byte[5 + pinDigits.length];
            command[1] = 0x20;
            command[3] = (byte) 0x80;
            command[4] = (byte) pinDigits.length;
            System.arraycopy(pinDigits, 0, command, 5, pinDigits.length);
            ByteBuffer response = ByteBuffer.allocate(258); // the JDK insists on room for a full short response
            try {
                int length = channel.transmit(ByteBuffer.wrap(command), response);
                if (length != 2) {
                    throw lost(terminal, "VERIFY", new CardException("VERIFY answered " + length + " bytes"));
                }
                return ((response.get(length - 2) & 0xFF) << 8) | (response.get(length - 1) & 0xFF);
            } catch (CardException | IllegalStateException failure) {
                throw lost(terminal, "VERIFY", failure);
            } finally {
                Arrays.fill(command, (byte) 0);
            }
        }

        byte[] readCertificate() throws CardCheckException {
            expectOk(transmit(JpkiCommands.selectFile(JpkiCommands.EF_AUTH_CERTIFICATE), "SELECT EF auth certificate"),
                    "SELECT EF auth certificate");
            ByteArrayOutputStream certificate = new ByteArrayOutputStream(2048);
            byte[] first = readChunk(0, 256);
            certificate.writeBytes(first);
            int total = derLength(first);
            while (certificate.size() < total) {
                certificate.writeBytes(readChunk(certificate.size(), Math.min(256, total - certificate.size())));
            }
            return Arrays.copyOf(certificate.toByteArray(), total);
        }

        private byte[] readChunk(int offset, int length) throws CardCheckException {
            ResponseAPDU response = transmit(JpkiCommands.readBinary(offset, length), "READ BINARY");
            if (response.getSW() != JpkiCommands.SW_OK || response.getNr() == 0) {
                throw new CardCheckException(CardCheckFailure.CARD_ERROR, "READ BINARY at offset " + offset
                        + " answered SW " + sw(response) + " with " + response.getNr() + " bytes");
            }
            return response.getData();
        }

        byte[] sign(byte[] challenge) throws CardCheckException {
            expectOk(transmit(JpkiCommands.selectFile(JpkiCommands.EF_AUTH_KEY), "SELECT EF auth key"), "SELECT EF auth key");
            ResponseAPDU response = transmit(JpkiCommands.computeSignature(challenge), "COMPUTE DIGITAL SIGNATURE");
            if (response.getSW() != JpkiCommands.SW_OK || response.getNr() == 0) {
                throw new CardCheckException(CardCheckFailure.CARD_ERROR,
                        "COMPUTE DIGITAL SIGNATURE answered SW " + sw(response));
            }
            return response.getData();
        }

        private ResponseAPDU transmit(CommandAPDU command, String step) throws CardCheckException {
            try {
                return channel.transmit(command);
            } catch (CardException | IllegalStateException | IllegalArgumentException failure) {
                // A card pulled out mid-exchange may also show as an empty answer ("apdu must be at least 2 bytes").
                throw lost(terminal, step, failure);
            }
        }

        private static void expectOk(ResponseAPDU response, String step) throws CardCheckException {
            if (response.getSW() != JpkiCommands.SW_OK) {
                throw new CardCheckException(CardCheckFailure.CARD_ERROR, step + " answered SW " + sw(response));
            }
        }

        /** Total length of the DER structure that starts {@code head} (tag, length, contents). */
        private static int derLength(byte[] head) throws CardCheckException {
            if (head.length < 2 || head[0] != 0x30) {
                throw new CardCheckException(CardCheckFailure.CARD_ERROR, "the certificate file does not hold a DER SEQUENCE");
            }
            int first = head[1] & 0xFF;
            if (first < 0x80) {
                return 2 + first;
            }
            int octets = first & 0x7F;
            if (octets == 0 || octets > 3 || head.length < 2 + octets) {
                throw new CardCheckException(CardCheckFailure.CARD_ERROR, "the certificate has an unreadable DER length");
            }
            int length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (head[2 + i] & 0xFF);
            }
            return 2 + octets + length;
        }

        private static String sw(ResponseAPDU response) {
            return String.format("%04X", response.getSW());
        }
    }
}
