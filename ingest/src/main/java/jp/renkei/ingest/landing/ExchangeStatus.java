package jp.renkei.ingest.landing;

import java.util.Arrays;

/**
 * The {@code status} of an {@code exchanges} row, part of the landing contract: the relay writes it, the backfill
 * writes it, and the marts count on it. Only {@link #DELIVERED} files count anywhere a figure says "delivered".
 */
public enum ExchangeStatus {
    /** In its addressee's inbox (a held file released later becomes delivered then). */
    DELIVERED("delivered"),
    /** For an addressee the relay does not know; kept sealed until released or until retention deletes it. */
    HELD("held");

    private final String value;

    ExchangeStatus(String value) {
        this.value = value;
    }

    /** As written in the landing zone and the relay's receipts. */
    public String value() {
        return value;
    }

    /** The status written as {@code value}; an {@link IllegalArgumentException} naming the accepted ones otherwise. */
    public static ExchangeStatus fromValue(String value) {
        return Arrays.stream(values()).filter(status -> status.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("exchange status '" + value + "' is none of "
                        + Arrays.stream(values()).map(ExchangeStatus::value).toList()));
    }
}
