/**
 * renkei's own report formats (no official file exists): offices' monthly effect reports and the prefectures'
 * model regions, each a documented UTF-8 CSV (docs/formats.md) validated line by line; any error rejects the file.
 * Nothing here writes to the landing zone; the CLI does.
 */
package jp.renkei.ingest.reports;
