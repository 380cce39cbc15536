/**
 * {@code renkei-relay-tools}: the launcher of the benchmarks, harnesses and demos ({@code jp.renkei.relay.bench},
 * {@code jp.renkei.relay.carddemo}, {@code jp.renkei.relay.cardemulator}). Nothing of the relay or the office agent
 * depends on them.
 */
package jp.renkei.relay.tools;
