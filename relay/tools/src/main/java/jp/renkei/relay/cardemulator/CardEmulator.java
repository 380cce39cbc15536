package jp.renkei.relay.cardemulator;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import jdk.net.ExtendedSocketOptions;
import jp.renkei.relay.cardemulator.pki.IssuedCard;

/**
 * A My Number card in the virtual reader of a real pcscd. The card is the TCP client of the vpcd driver
 * ({@value #DEFAULT_HOST}:{@value #DEFAULT_PORT} is reader "Virtual PCD 00 00"): every message is a 2-byte
 * big-endian length and a payload; a 1-byte payload from vpcd is a control code (0 power off, 1 power on, 2 reset,
 * 4 send the ATR), anything else a command APDU. {@link #insert()} puts the card in the reader, {@link #remove()}
 * pulls it out; {@link #pullOutAfter} pulls it out between two APDUs. Holds the PIN it checks, like a card does,
 * but never prints it.
 */
public final class CardEmulator implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 35963;
    /** T=1, no historical bytes: {@code 3B 80 80 01 01}. */
    static final byte[] ATR = HexFormat.of().parseHex("3b80800101");
    private static final int CONTROL_POWER_OFF = 0;
    private static final int CONTROL_POWER_ON = 1;
    private static final int CONTROL_RESET = 2;
    private static final int CONTROL_ATR = 4;
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final JpkiCard card;
    private final IssuedCard issued;
    private final InetSocketAddress vpcd;
    private final AtomicInteger commandsAnswered = new AtomicInteger();
    private final AtomicReference<Predicate<byte[]>> pullOutAfter = new AtomicReference<>();
    private Socket socket;
    private Thread worker;

    /** A card for reader "Virtual PCD 00 00" of the local pcscd. */
    public CardEmulator(IssuedCard card, String pin) {
        this(card, pin, new InetSocketAddress(DEFAULT_HOST, DEFAULT_PORT));
    }

    public CardEmulator(IssuedCard card, String pin, InetSocketAddress vpcd) {
        this.issued = Objects.requireNonNull(card, "card");
        this.card = new JpkiCard(card, pin);
        this.vpcd = Objects.requireNonNull(vpcd, "vpcd");
    }

    /** Puts the card in the reader: connects to vpcd and answers it until {@link #remove()}. */
    public synchronized CardEmulator insert() throws IOException {
        if (inserted()) {
            return this;
        }
        Socket connection = new Socket();
        try {
            connection.setTcpNoDelay(true);
            connection.connect(vpcd, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException refused) {
            connection.close();
            throw new IOException("cannot reach the vpcd reader at " + vpcd
                    + " — is pcscd running with the vsmartcard driver? (bin/pcscd-virtual start)", refused);
        }
        card.powerCycle();
        socket = connection;
        worker = new Thread(() -> serve(connection), "card-emulator-" + issued.serialHex());
        worker.setDaemon(true);
        worker.start();
        return this;
    }

    /** Pulls the card out of the reader (closes the connection); the PIN retry counter stays on the card. */
    public void remove() {
        Thread stopping;
        synchronized (this) {
            closeQuietly(socket);
            socket = null;
            stopping = worker;
            worker = null;
        }
        if (stopping != null && stopping != Thread.currentThread()) {
            try {
                stopping.join(CONNECT_TIMEOUT_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public synchronized boolean inserted() {
        return socket != null && !socket.isClosed();
    }

    /**
     * Pulls the card out right after answering the next command APDU that {@code command} matches, so the reader's
     * following APDU finds no card. One shot.
     */
    public void pullOutAfter(Predicate<byte[]> command) {
        pullOutAfter.set(Objects.requireNonNull(command, "command"));
    }

    /** Command APDUs answered since this emulator was made. */
    public int commandsAnswered() {
        return commandsAnswered.get();
    }

    public int pinTriesLeft() {
        return card.pinTriesLeft();
    }

    /** Sets the PIN retry counter, e.g. 0 for a card that arrives locked. */
    public void setPinTriesLeft(int tries) {
        card.setPinTriesLeft(tries);
    }

    public IssuedCard card() {
        return issued;
    }

    @Override
    public void close() {
        remove();
    }

    @Override
    public String toString() {
        return "CardEmulator[" + issued + ", vpcd " + vpcd + (inserted() ? ", inserted" : "") + "]";
    }

    private void serve(Socket connection) {
        try (connection) {
            DataInputStream input = new DataInputStream(connection.getInputStream());
            OutputStream output = connection.getOutputStream();
            while (true) {
                // vpcd writes the length and the payload in two sends: its Nagle holds the payload until the length
                // is acknowledged, and a delayed ACK would cost ~40 ms per APDU. Linux drops quick-ACK mode after
                // each exchange, so set it again before every read.
                quickAck(connection);
                byte[] message = new byte[input.readUnsignedShort()];
                quickAck(connection);
                input.readFully(message);
                if (message.length == 1) {
                    control(message[0] & 0xFF, output);
                    continue;
                }
                byte[] response = card.answer(message);
                send(output, response);
                commandsAnswered.incrementAndGet();
                Predicate<byte[]> pull = pullOutAfter.get();
                if (pull != null && pull.test(message) && pullOutAfter.compareAndSet(pull, null)) {
                    card.powerCycle();
                    return;
                }
            }
        } catch (EOFException | SocketException closed) {
            // vpcd or remove() closed the connection: the card is out of the reader.
        } catch (IOException failure) {
            throw new java.io.UncheckedIOException("card emulator connection failed", failure);
        } finally {
            card.powerCycle();
            synchronized (this) {
                if (socket == connection) {
                    socket = null;
                    worker = null;
                }
            }
        }
    }

    private void control(int code, OutputStream output) throws IOException {
        switch (code) {
            case CONTROL_POWER_OFF, CONTROL_POWER_ON, CONTROL_RESET -> card.powerCycle();
            case CONTROL_ATR -> send(output, ATR);
            default -> throw new IOException("unknown vpcd control code " + code);
        }
    }

    private static void quickAck(Socket connection) throws IOException {
        connection.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
    }

    /** Length and payload in one write: two writes would meet Nagle and a delayed ACK. */
    private static void send(OutputStream output, byte[] payload) throws IOException {
        byte[] frame = new byte[payload.length + 2];
        frame[0] = (byte) (payload.length >>> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        output.write(frame);
        output.flush();
    }

    private static void closeQuietly(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException alreadyBroken) {
            // Closing a broken connection: the card is out either way.
        }
    }
}
