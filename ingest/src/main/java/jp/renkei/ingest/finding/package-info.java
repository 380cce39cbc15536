/**
 * Findings: what a validator says about an input, with a stable code, the place (file, line, column, field) and a
 * message in Japanese and English that says what to fix. Shared by every format family and the CLI reports.
 */
package jp.renkei.ingest.finding;
