/**
 * Rerunnable performance harnesses (not tests): {@code StandardParseBenchmark} generates 第6表 files and measures
 * line reading, parsing and validation. Nothing here is used by the ingest path itself.
 */
package jp.renkei.ingest.bench;
