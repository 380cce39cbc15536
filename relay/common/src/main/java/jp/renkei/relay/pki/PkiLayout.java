package jp.renkei.relay.pki;

import java.nio.file.Path;
import jp.renkei.ingest.standard.OfficeNumber;

/**
 * Where the office PKI lives, so that the CLI, the relay and the agent agree. The CA's key stays under
 * {@code <RENKEI_HOME>/secrets}; the relay needs only the CA certificate and the revocation list.
 */
public final class PkiLayout {
    private PkiLayout() {
    }

    /** {@code <RENKEI_HOME>/secrets/office-ca/}: the office CA's key and certificate. */
    public static Path caFolder(Path renkeiHome) {
        return renkeiHome.resolve("secrets").resolve("office-ca");
    }

    /** {@code <RENKEI_HOME>/relay}: the relay's own folder unless {@code relay.home} says otherwise. */
    public static Path defaultRelayHome(Path renkeiHome) {
        return renkeiHome.resolve("relay");
    }

    /** {@code <relay home>/tls/office-ca-cert.pem}: the CA certificate(s) the relay trusts for client certificates. */
    public static Path relayTrustAnchor(Path relayHome) {
        return relayHome.resolve("tls").resolve(OfficeCertificateAuthority.CERTIFICATE_FILE);
    }

    /** {@code <relay home>/tls/relay-cert.pem}: the relay's own TLS certificate, the one its agents trust. */
    public static Path relayCertificate(Path relayHome) {
        return relayHome.resolve("tls").resolve("relay-cert.pem");
    }

    /** The revocation list's name; it lives beside the trust anchor. */
    public static final String REVOKED_SERIALS_FILE = "revoked-serials.txt";

    /** {@code <relay home>/tls/revoked-serials.txt}: revoked office certificate serials, one hex serial a line. */
    public static Path revokedSerials(Path relayHome) {
        return relayHome.resolve("tls").resolve(REVOKED_SERIALS_FILE);
    }

    /** {@code <RENKEI_HOME>/agents/<office>/}: an office agent's key, certificate and CA certificate. */
    public static Path agentFolder(Path renkeiHome, String officeNumber) {
        if (!OfficeNumber.isValid(officeNumber)) {
            throw new IllegalArgumentException("'" + officeNumber + "' is not an office number (10 digits, 01–47 first)");
        }
        return renkeiHome.resolve("agents").resolve(officeNumber);
    }
}
