/**
 * Publishing marts: a run's Parquet goes to {@code marts/<mart>/run=<run_id>/}, then {@code _CURRENT} is replaced
 * atomically and old runs are pruned. Only checked frames reach this package; it never alters their rows.
 */
package jp.renkei.analytics.publish;
