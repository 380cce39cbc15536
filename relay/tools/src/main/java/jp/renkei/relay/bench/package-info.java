/**
 * Rerunnable harnesses of the relay: the disk's own fsync rate as the baseline, the relay's acknowledged files per
 * second and acknowledgement latency measured against it in the same run, and the kill -9 crash test of a relay in a
 * child JVM under concurrent senders. Not used by the relay itself.
 */
package jp.renkei.relay.bench;
