/**
 * The {@code card_check_activity} mart (docs/marts.md): a pure DataFrame-to-DataFrame transform over the staged
 * {@code card_checks}, offices and municipalities, and the one place where a card check's success and the failure
 * reasons' columns are defined. No reading, writing or publishing here.
 */
package jp.renkei.analytics.marts.cardcheck;
