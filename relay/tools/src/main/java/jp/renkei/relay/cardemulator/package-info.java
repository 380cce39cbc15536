/**
 * The card emulator for tests and the demo: {@link jp.renkei.relay.cardemulator.CardEmulator} connects to the vpcd
 * driver inside a real pcscd and plays a My Number card whose JPKI application ({@code JpkiCard}) holds an issued key
 * pair, certificate and PIN with retry counting. Never a production part: a real office reads a real card.
 */
package jp.renkei.relay.cardemulator;
