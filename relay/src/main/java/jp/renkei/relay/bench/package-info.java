/**
 * Rerunnable benchmarks of the relay: the disk's own fsync rate as the baseline, and the relay's acknowledged files
 * per second and acknowledgement latency measured against it in the same run. Not used by the relay itself.
 */
package jp.renkei.relay.bench;
