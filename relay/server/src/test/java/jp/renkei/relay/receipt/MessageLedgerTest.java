package jp.renkei.relay.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import jp.renkei.ingest.landing.ExchangeStatus;
import jp.renkei.relay.journal.JournalEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageLedgerTest {
    private static final String SENDER = "3110000011";
    private static final String ADDRESSEE = "3110000029";
    private static final String NAME = "UPPLAN_202610_3110000011_43_3110000029_11_20261105093000.CSV";

    @TempDir
    Path folder;

    /** A released held file is journaled again: retention of its first record must not take it out of the inbox. */
    @Test
    void aMessageJournaledAgainIsKnownByItsLaterRecord() throws Exception {
        try (MessageLedger ledger = new MessageLedger()) {
            ledger.journaled(record(1));
            ledger.recover(folder.resolve("receipts.log"));
            ledger.routed("message", ADDRESSEE, ExchangeStatus.HELD, Instant.ofEpochMilli(1_000));
            ledger.journaled(record(7));
            ledger.routed("message", ADDRESSEE, ExchangeStatus.DELIVERED, Instant.ofEpochMilli(5_000));

            assertThat(ledger.forgetUpTo(6)).isZero();
            assertThat(ledger.inboxSequence(ADDRESSEE, NAME)).hasValue(7L);
            assertThat(ledger.receipt(SENDER, "message")).hasValueSatisfying(receipt -> {
                assertThat(receipt.status()).isEqualTo("delivered");
                assertThat(receipt.deliveredAt()).as("delivered when released").isEqualTo(Instant.ofEpochMilli(5_000));
            });
            assertThat(ledger.forgetUpTo(7)).isEqualTo(1);
            assertThat(ledger.inboxSequence(ADDRESSEE, NAME)).isEmpty();
        }
    }

    private static JournalEntry record(long sequence) {
        return new JournalEntry(sequence, "message", NAME, SENDER, 500, "plan".getBytes(StandardCharsets.UTF_8));
    }
}
