/**
 * The relay's append-only journal: a file is acknowledged only after its record is fsynced, with group commit so
 * many concurrent uploads share one force. Recovery drops a torn last record. No routing or parsing here.
 */
package jp.renkei.relay.journal;
