/**
 * What the relay knows about each journaled message, for idempotency and receipts (like AS2's MDN): the first answer
 * per client message id, and when a message was received, delivered (or held) and acknowledged by its addressee. The
 * journal rebuilds the messages on start; {@code receipts.log} rebuilds their delivery and acknowledgement. No HTTP here.
 */
package jp.renkei.relay.receipt;
