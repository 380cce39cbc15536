/**
 * Keyed pseudonyms for insured person numbers (被保険者番号): HMAC-SHA256 with a secret key that lives outside the
 * repository. Only the relay holds the key; nothing downstream ever sees a clear number.
 */
package jp.renkei.ingest.pseudonym;
