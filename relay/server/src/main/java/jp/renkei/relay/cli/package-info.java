/**
 * The {@code renkei-relay} command line, the operator's: run the relay server, issue and revoke office certificates, and
 * look after its journal and held files. The office agent's is {@code jp.renkei.relay.agent.cli}.
 */
package jp.renkei.relay.cli;
