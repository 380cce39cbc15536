package jp.renkei.relay.cardemulator;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import jp.renkei.relay.cardemulator.pki.IssuedCard;

/**
 * The JPKI application of the emulated card: answers the APDUs of {@code docs/card-check.md}. The PIN retry counter
 * survives power cycles (it lives on the card); the verified state and the current file do not.
 */
final class JpkiCard {
    static final int PIN_TRIES = 3;
    static final byte[] JPKI_AID = {(byte) 0xD3, (byte) 0x92, (byte) 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01};
    static final int EF_AUTH_CERTIFICATE = 0x000A;
    static final int EF_AUTH_KEY = 0x0017;
    static final int EF_AUTH_PIN = 0x0018;
    private static final int NO_FILE = -1;

    private static final byte[] OK = {(byte) 0x90, 0x00};
    private static final byte[] WRONG_LENGTH = {0x67, 0x00};
    private static final byte[] SECURITY_NOT_SATISFIED = {0x69, (byte) 0x82};
    private static final byte[] PIN_BLOCKED = {0x69, (byte) 0x84};
    private static final byte[] NO_CURRENT_FILE = {0x69, (byte) 0x86};
    private static final byte[] FILE_NOT_FOUND = {0x6A, (byte) 0x82};
    private static final byte[] WRONG_PARAMETERS = {0x6B, 0x00};
    private static final byte[] UNKNOWN_INSTRUCTION = {0x6D, 0x00};

    private final IssuedCard card;
    private final byte[] certificate;
    private final byte[] pin;
    private int pinTriesLeft = PIN_TRIES;
    private boolean applicationSelected;
    private int currentFile = NO_FILE;
    private boolean pinVerified;

    JpkiCard(IssuedCard card, String pin) {
        if (pin == null || !pin.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("the card PIN must be 4 digits");
        }
        this.card = card;
        this.certificate = card.certificateDer();
        this.pin = pin.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    synchronized int pinTriesLeft() {
        return pinTriesLeft;
    }

    synchronized void setPinTriesLeft(int tries) {
        if (tries < 0 || tries > PIN_TRIES) {
            throw new IllegalArgumentException("PIN tries must be 0.." + PIN_TRIES + ", not " + tries);
        }
        pinTriesLeft = tries;
    }

    /** Power off, power on or reset: the card forgets the selection and the verified PIN. */
    synchronized void powerCycle() {
        applicationSelected = false;
        currentFile = NO_FILE;
        pinVerified = false;
    }

    synchronized byte[] answer(byte[] command) {
        if (command.length < 4) {
            return WRONG_LENGTH;
        }
        int cla = command[0] & 0xFF;
        int ins = command[1] & 0xFF;
        if (cla == 0x00 && ins == 0xA4) {
            return select(command);
        }
        if (cla == 0x00 && ins == 0xB0) {
            return readBinary(command);
        }
        if (cla == 0x00 && ins == 0x20) {
            return verify(command);
        }
        if (cla == 0x80 && ins == 0x2A) {
            return computeSignature(command);
        }
        return UNKNOWN_INSTRUCTION;
    }

    private byte[] select(byte[] command) {
        if (command.length < 5 || command.length < 5 + (command[4] & 0xFF)) {
            return WRONG_LENGTH;
        }
        byte[] data = Arrays.copyOfRange(command, 5, 5 + (command[4] & 0xFF));
        int p1 = command[2] & 0xFF;
        if (p1 == 0x04) {
            currentFile = NO_FILE;
            pinVerified = false;
            applicationSelected = Arrays.equals(data, JPKI_AID);
            return applicationSelected ? OK : FILE_NOT_FOUND;
        }
        if (p1 == 0x02 && data.length == 2 && applicationSelected) {
            int file = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
            if (file == EF_AUTH_CERTIFICATE || file == EF_AUTH_KEY || file == EF_AUTH_PIN) {
                currentFile = file;
                return OK;
            }
        }
        return p1 == 0x02 && data.length != 2 ? WRONG_LENGTH : FILE_NOT_FOUND;
    }

    private byte[] readBinary(byte[] command) {
        if (currentFile != EF_AUTH_CERTIFICATE) {
            return NO_CURRENT_FILE;
        }
        if (command.length != 5) {
            return WRONG_LENGTH;
        }
        int offset = ((command[2] & 0x7F) << 8) | (command[3] & 0xFF);
        int expected = command[4] == 0 ? 256 : command[4] & 0xFF;
        if (offset >= certificate.length) {
            return WRONG_PARAMETERS;
        }
        int length = Math.min(expected, certificate.length - offset);
        byte[] response = Arrays.copyOf(Arrays.copyOfRange(certificate, offset, offset + length), length + 2);
        response[length] = (byte) 0x90;
        return response;
    }

    private byte[] verify(byte[] command) {
        if (currentFile != EF_AUTH_PIN || command[2] != 0x00 || (command[3] & 0xFF) != 0x80) {
            return NO_CURRENT_FILE;
        }
        if (pinTriesLeft == 0) {
            return PIN_BLOCKED;
        }
        if (command.length == 4) {
            return pinVerified ? OK : triesLeftStatus();
        }
        if (command.length != 5 + pin.length || (command[4] & 0xFF) != pin.length) {
            return WRONG_LENGTH;
        }
        byte[] offered = Arrays.copyOfRange(command, 5, 5 + pin.length);
        boolean matches = MessageDigest.isEqual(offered, pin);
        Arrays.fill(offered, (byte) 0);
        if (matches) {
            pinTriesLeft = PIN_TRIES;
            pinVerified = true;
            return OK;
        }
        pinTriesLeft--;
        pinVerified = false;
        return triesLeftStatus();
    }

    private byte[] triesLeftStatus() {
        return new byte[] {0x63, (byte) (0xC0 | pinTriesLeft)};
    }

    private byte[] computeSignature(byte[] command) {
        if (currentFile != EF_AUTH_KEY || !pinVerified) {
            return SECURITY_NOT_SATISFIED;
        }
        int length = command.length < 5 ? -1 : command[4] & 0xFF;
        if (length <= 0 || (command.length != 5 + length && command.length != 6 + length)) {
            return WRONG_LENGTH;
        }
        try {
            // NONEwithRSA pads the DigestInfo as PKCS#1 v1.5 type 1: what the card's RSA engine does.
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(card.keyPair().getPrivate());
            rsa.update(command, 5, length);
            byte[] signature = rsa.sign();
            byte[] response = Arrays.copyOf(signature, signature.length + 2);
            response[signature.length] = (byte) 0x90;
            return response;
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("the emulated card cannot sign", failure);
        }
    }
}
