/**
 * Card checks (資格確認) as a file: the check log an earlier deployment or the demo nation's history hands to
 * {@code renkei-ingest backfill}, validated line by line and landed as {@code card_checks} rows with the 被保険者番号
 * turned into its keyed pseudonym. Live checks never pass through here: the relay lands those itself.
 */
package jp.renkei.ingest.cardcheck;
