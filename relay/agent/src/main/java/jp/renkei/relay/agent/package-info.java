/**
 * The office agent: uploads an outbox folder to the relay over mutual TLS with each sender office's client
 * certificate, signing every file, with retries, back-off and a client message id per file, moving a file away only
 * after the relay acknowledged it; downloads the office's inbox, checks each file's sender signature itself and
 * acknowledges it once stored (quarantining what does not verify); in a watching agent, both over and over until
 * stopped ({@link jp.renkei.relay.agent.AgentLoop}). Also where the agent finds, and a demo or test
 * home issues, office credentials. No server code lives here.
 */
package jp.renkei.relay.agent;
