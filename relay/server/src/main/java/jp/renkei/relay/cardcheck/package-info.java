/**
 * The relay side of card checks (資格確認, docs/card-check.md): one-time challenges, verification of the card
 * certificate and of its signature over the challenge, the eligibility registry and its CSV source, the two HTTPS
 * endpoints, and the landing of one {@code card_checks} row per check. The clear 被保険者番号 goes back to the
 * office that checked and nowhere else: never into a log or the landing zone, and no PIN ever reaches the relay.
 */
package jp.renkei.relay.cardcheck;
