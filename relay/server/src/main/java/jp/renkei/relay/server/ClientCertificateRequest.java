package jp.renkei.relay.server;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import jp.renkei.relay.http.OfficeAuthentication;

/**
 * The TLS side of office identification: the handshake asks every client for a certificate and proves the client
 * holds its private key, but lets any certificate (or none) through. Which office it proves — trusted CA, validity,
 * revocation, office number — is decided per request by {@link OfficeAuthentication}, so that a wrong certificate gets
 * an HTTP answer with a code and a message the office can act on instead of a bare handshake failure. No route serves
 * anything before that decision; {@code /health} alone is open.
 */
final class ClientCertificateRequest extends X509ExtendedTrustManager {
    private static final X509Certificate[] ANY_ISSUER = new X509Certificate[0];

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // Decided per request by OfficeAuthentication (see the class comment).
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // Decided per request by OfficeAuthentication.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // Decided per request by OfficeAuthentication.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the relay's server context does not verify servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("the relay's server context does not verify servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the relay's server context does not verify servers");
    }

    /** No issuer hint, so that an office with a certificate of another CA still presents it and hears why it fails. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return ANY_ISSUER;
    }
}
