/**
 * Staging: the landing datasets as typed, de-duplicated frames (latest landed row per key, exchanges once per
 * message_id, dates parsed, codes trimmed). No indicator is computed here; the marts packages own the definitions.
 */
package jp.renkei.analytics.staging;
