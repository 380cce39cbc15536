package jp.renkei.relay.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import jp.renkei.relay.cardemulator.CardEmulator;
import jp.renkei.relay.cardemulator.pki.CardIssuer;
import jp.renkei.relay.cardemulator.pki.IssuedCard;
import jp.renkei.relay.testing.Pcscd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** No PIN — right or wrong — reaches an exception, a log record of this JVM, a toString or the pcscd log. */
@ExtendWith(Pcscd.class)
class CardPinSecrecyTest {
    private static final String PIN = "8317";
    private static final String WRONG_PIN = "6052";

    @Test
    void pinsNeverAppearInMessagesOrLogs() throws Exception {
        IssuedCard card = CardIssuer.create("renkei test JPKI").issue("secret keeper", Duration.ofDays(1));
        List<String> seen = new ArrayList<>();
        Logger root = Logger.getLogger("");
        Logger cardLogger = Logger.getLogger("jp.renkei.relay.card");
        Level previousLevel = cardLogger.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                seen.add(new SimpleFormatter().format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        cardLogger.setLevel(Level.ALL);
        CardReader reader = new CardReader(Pcscd.READER, Duration.ofSeconds(3));
        try (CardEmulator emulator = new CardEmulator(card, PIN).insert()) {
            seen.add(emulator.toString());
            seen.add(reader.read(CardMethod.PIN, new byte[32], PIN.toCharArray()).toString());
            seen.add(describe(failure(reader, WRONG_PIN)));
            seen.add(describe(failure(reader, WRONG_PIN)));
            emulator.pullOutAfter(command -> command[1] == 0x20 && command.length == 9);
            seen.add(describe(failure(reader, PIN)));
            Pcscd.awaitNoCard();
            emulator.insert();
            emulator.setPinTriesLeft(1);
            seen.add(describe(failure(reader, WRONG_PIN)));
            seen.add(describe(failure(reader, PIN)));
        } finally {
            root.removeHandler(capture);
            cardLogger.setLevel(previousLevel);
            Pcscd.awaitNoCard();
        }
        seen.add(Files.readString(Pcscd.log(), StandardCharsets.UTF_8));

        assertThat(seen).hasSizeGreaterThan(7);
        for (String pin : List.of(PIN, WRONG_PIN)) {
            String hex = HexFormat.of().formatHex(pin.getBytes(StandardCharsets.US_ASCII));
            String spacedHex = String.join(" ", hex.split("(?<=\\G..)"));
            assertThat(seen).noneMatch(text -> text.contains(pin) || text.toLowerCase().contains(hex)
                    || text.toLowerCase().contains(spacedHex));
        }
    }

    private static CardCheckException failure(CardReader reader, String pin) {
        CardCheckException failure = catchThrowableOfType(CardCheckException.class,
                () -> reader.read(CardMethod.PIN, new byte[32], pin.toCharArray()));
        assertThat(failure).isNotNull();
        return failure;
    }

    private static String describe(CardCheckException failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return failure.failure() + " " + failure.messageJa() + "\n" + trace;
    }
}
