package jp.renkei.relay.http;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import jp.renkei.relay.pki.OfficeCertificateVerifier;
import jp.renkei.relay.pki.OfficeIdentity;

/**
 * Which office a request comes from: the one its TLS client certificate proves, and nothing the request says about
 * itself. A refusal is answered with 401/403, a RELAY-CERT code and a Japanese message (and logged by
 * {@link RelayRoutes} like every refusal).
 */
public final class OfficeAuthentication {
    private final OfficeCertificateVerifier verifier;

    public OfficeAuthentication(OfficeCertificateVerifier verifier) {
        this.verifier = verifier;
    }

    /** The caller's office, or empty after answering the refusal. */
    public Optional<String> office(RelayExchange exchange) throws IOException {
        OfficeIdentity identity = verifier.verify(exchange.peerCertificates());
        if (identity instanceof OfficeIdentity.Proven proven) {
            exchange.identified(proven.officeNumber());
            return Optional.of(proven.officeNumber());
        }
        OfficeIdentity.Refused refused = (OfficeIdentity.Refused) identity;
        exchange.error(refused.httpStatus(), refused.code(), refused.messageEn(), Map.of("message_ja", refused.messageJa()));
        return Optional.empty();
    }
}
