/** Durable file writes shared by the landing zone, the relay and secret files: fsynced temp file, rename, folder fsync. */
package jp.renkei.ingest.io;
