/**
 * The office side of a card check: {@link jp.renkei.relay.card.CardReader} talks to the My Number card through
 * PC/SC ({@code javax.smartcardio} over pcscd) and returns a {@link jp.renkei.relay.card.CardReading}, or fails with
 * a {@link jp.renkei.relay.card.CardCheckFailure} that carries the message for the office user in Japanese. The PIN
 * passes through as a {@code char[]} that is wiped after use; it is never stored, logged or put in a message.
 */
package jp.renkei.relay.card;
