/**
 * The {@code renkei-ingest} command line (picocli): generate the demo nation and land reference files with
 * validation, quarantine and a findings report. Parsing and validation live in the format packages, not here.
 */
package jp.renkei.ingest.cli;
