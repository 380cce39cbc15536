/**
 * The landing zone: dataset definitions and the atomic part-file writer that relay and ingest use.
 * Nothing here parses source formats; landed files are immutable once renamed into place.
 */
package jp.renkei.ingest.landing;
