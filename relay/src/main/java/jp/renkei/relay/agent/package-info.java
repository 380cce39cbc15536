/**
 * The office agent: uploads an outbox folder to the relay over HTTPS with retries and back-off, and moves a file
 * away only after the relay acknowledged it. Card reading joins it later; no server code lives here.
 */
package jp.renkei.relay.agent;
