/**
 * The office PKI: a small CA that issues office client certificates ({@link jp.renkei.relay.pki.OfficeCertificateAuthority}),
 * the credentials an agent holds, the verifier that turns a client or signer certificate into an office number, and
 * detached SHA256withRSA file signatures. Paths are in {@link jp.renkei.relay.pki.PkiLayout}. Nothing here opens a
 * socket or knows HTTP: the server and agent decide what to do with an {@link jp.renkei.relay.pki.OfficeIdentity}.
 */
package jp.renkei.relay.pki;
