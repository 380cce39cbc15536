/**
 * Read access to the published marts ({@code docs/marts.md}): resolves {@code marts/<mart>/_CURRENT} and hands out
 * DuckDB connections sandboxed to the marts folder. Only reading happens here; the marts are written and published
 * by analytics, and no indicator is computed on this side.
 */
package jp.renkei.dashboard.mart;
