/** The office agent's command line: {@code renkei-agent send | receive}. */
package jp.renkei.relay.agent.cli;
