package jp.renkei.relay.cardemulator;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import jp.renkei.relay.card.CardMethod;
import jp.renkei.relay.card.CardReader;
import jp.renkei.relay.cardemulator.pki.CardIssuer;
import jp.renkei.relay.cardemulator.pki.IssuedCard;

/**
 * Benchmark of the card path through the real pcscd: APDU round trips per second (SELECT JPKI on one connection),
 * and p50/p95 of a whole {@link CardReader} reading (connect, SELECT, VERIFY, READ BINARY ×n, SIGN, reset) by PIN and
 * by face. Needs pcscd with the vpcd driver ({@code bin/pcscd-virtual start}); run {@code bin/renkei card-benchmark
 * [apdus] [readings]}.
 */
public final class CardBenchmark {
    private static final String READER = "Virtual PCD 00 00";
    private static final String PIN = "5824";

    private CardBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        int apdus = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 2_000;
        int readings = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 200;
        PrintStream out = System.out;
        IssuedCard card = CardIssuer.create("renkei benchmark JPKI").issue("benchmark", Duration.ofDays(1));
        try (CardEmulator emulator = new CardEmulator(card, PIN).insert()) {
            CardTerminal terminal = CardReader.pcsc().terminals().getTerminal(READER);
            if (terminal == null || !terminal.waitForCardPresent(5_000)) {
                throw new IllegalStateException("the emulated card did not appear in " + READER);
            }
            out.printf(Locale.ROOT, "card benchmark through pcscd, reader %s, certificate %d bytes%n", READER,
                    card.certificateDer().length);
            apduRoundTrips(terminal, apdus, out);
            CardReader reader = new CardReader(READER, Duration.ofSeconds(5));
            wholeReadings(reader, CardMethod.PIN, readings, out);
            wholeReadings(reader, CardMethod.FACE, readings, out);
        }
    }

    private static void apduRoundTrips(CardTerminal terminal, int count, PrintStream out) throws Exception {
        Card connected = terminal.connect("*");
        try {
            CardChannel channel = connected.getBasicChannel();
            CommandAPDU select = new CommandAPDU(HexFormat.of().parseHex("00a4040c0ad392f000260100000001"));
            for (int i = 0; i < Math.min(100, count); i++) {
                channel.transmit(select);
            }
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (channel.transmit(select).getSW() != 0x9000) {
                    throw new IllegalStateException("SELECT JPKI failed during the benchmark");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "APDU round trips: %d in %.2f s = %.0f per second (%.3f ms each)%n", count, seconds,
                    count / seconds, seconds * 1000 / count);
        } finally {
            connected.disconnect(true);
        }
    }

    private static void wholeReadings(CardReader reader, CardMethod method, int count, PrintStream out) throws Exception {
        SecureRandom random = new SecureRandom();
        long[] nanos = new long[count];
        for (int i = -Math.min(20, count); i < count; i++) {
            byte[] challenge = new byte[32];
            random.nextBytes(challenge);
            long started = System.nanoTime();
            reader.read(method, challenge, method.signs() ? PIN.toCharArray() : null);
            if (i >= 0) {
                nanos[i] = System.nanoTime() - started;
            }
        }
        Arrays.sort(nanos);
        out.printf(Locale.ROOT, "whole reading (%s): %d readings, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                method.wireName(), count, percentile(nanos, 0.50), percentile(nanos, 0.95), nanos[count - 1] / 1e6);
    }

    private static double percentile(long[] sortedNanos, double quantile) {
        int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1e6;
    }
}
