package jp.renkei.relay.pki;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** TLS contexts built from certificates in memory: trust exactly these certificates, present this key. */
public final class TlsContexts {
    private TlsContexts() {
    }

    /** A context that presents {@code keys} (none when null) and trusts {@code trust} (the JDK's when null). */
    public static SSLContext context(KeyManager[] keys, TrustManager[] trust) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, trust, null);
        return context;
    }

    /** Trust managers whose only anchors are {@code certificates} (a pinned server certificate, or a CA). */
    public static TrustManager[] trusting(X509Certificate... certificates) throws GeneralSecurityException {
        KeyStore store = emptyStore();
        for (int i = 0; i < certificates.length; i++) {
            store.setCertificateEntry("trusted-" + i, certificates[i]);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /** Key managers that present {@code key} with {@code chain} (leaf first). */
    public static KeyManager[] presenting(PrivateKey key, X509Certificate... chain) throws GeneralSecurityException {
        char[] password = new char[24];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        KeyStore store = emptyStore();
        store.setKeyEntry("key", key, password, chain);
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException("an empty in-memory key store reads nothing", impossible);
        }
        return store;
    }
}
