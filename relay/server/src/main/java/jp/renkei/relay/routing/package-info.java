/**
 * What happens to a file after it is durable: route it to the addressee's inbox (or hold it when the addressee is not
 * registered), and land its {@code exchanges} and pseudonymised {@code schedule_lines} rows. Runs on one thread in
 * journal order; a checkpoint records how far landing is durable so a restart replays only the rest.
 */
package jp.renkei.relay.routing;
