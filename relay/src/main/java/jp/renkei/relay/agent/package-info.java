/**
 * The office agent: uploads an outbox folder to the relay over HTTPS with retries, back-off and a client message id
 * per file, moving a file away only after the relay acknowledged it; downloads the office's inbox into a folder and
 * acknowledges each file once it is stored. Card reading joins it later; no server code lives here.
 */
package jp.renkei.relay.agent;
