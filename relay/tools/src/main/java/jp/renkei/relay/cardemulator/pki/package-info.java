/**
 * A test issuer of card certificates ({@link jp.renkei.relay.cardemulator.pki.CardIssuer}): a small CA that issues RSA 2048
 * user-authentication certificates like JPKI's 利用者証明用電子証明書, for the card emulator, the demo and tests.
 * Production trusts an issuer only as a configured PEM file; nothing here makes trust decisions.
 */
package jp.renkei.relay.cardemulator.pki;
