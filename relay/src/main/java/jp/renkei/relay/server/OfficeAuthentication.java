package jp.renkei.relay.server;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import jp.renkei.relay.pki.OfficeCertificateVerifier;
import jp.renkei.relay.pki.OfficeIdentity;

/**
 * Which office a request comes from: the one its TLS client certificate proves, and nothing the request says about
 * itself. A refusal is answered (401/403 with a RELAY-CERT code and a Japanese message) and logged with the caller's
 * address and the certificate's serial, never with file contents.
 */
public final class OfficeAuthentication {
    private static final System.Logger LOG = System.getLogger(OfficeAuthentication.class.getName());

    private final OfficeCertificateVerifier verifier;

    public OfficeAuthentication(OfficeCertificateVerifier verifier) {
        this.verifier = verifier;
    }

    /** The caller's office, or empty after answering the refusal. */
    public Optional<String> office(RelayExchange exchange, String action) throws IOException {
        OfficeIdentity identity = verifier.verify(exchange.peerCertificates());
        if (identity instanceof OfficeIdentity.Proven proven) {
            return Optional.of(proven.officeNumber());
        }
        OfficeIdentity.Refused refused = (OfficeIdentity.Refused) identity;
        LOG.log(System.Logger.Level.WARNING, "{0} refused from {1}: {2} {3}", action, exchange.remoteAddress(),
                refused.code(), refused.messageEn());
        exchange.error(refused.httpStatus(), refused.code(), refused.messageEn(), Map.of("message_ja", refused.messageJa()));
        return Optional.empty();
    }
}
