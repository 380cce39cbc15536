/** The {@code renkei-relay} command line: run the relay server, and run an office agent that uploads an outbox. */
package jp.renkei.relay.cli;
