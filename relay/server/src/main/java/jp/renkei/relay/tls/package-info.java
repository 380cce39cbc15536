/**
 * TLS material for the relay: a self-signed server certificate for localhost made with BouncyCastle on first start,
 * and the matching client trust. The relay hardening work replaces it with a small CA and client certificates (mTLS).
 */
package jp.renkei.relay.tls;
