package jp.renkei.relay.pki;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** The subject of an office certificate, {@code CN=<office number>, OU=care office, O=renkei}, and of the office CA. */
final class OfficeSubject {
    private OfficeSubject() {
    }

    /** Most significant first in the encoding, so that RFC 2253 prints {@code CN=…,OU=care office,O=renkei}. */
    static X500Name of(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "renkei").addRDN(BCStyle.OU, "care office")
                .addRDN(BCStyle.CN, commonName).build();
    }

    /** {@code CN=renkei office CA,O=renkei}. */
    static X500Name authority() {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "renkei").addRDN(BCStyle.CN, "renkei office CA")
                .build();
    }

    /** The subject's single common name, or null when it has none or several. */
    static String commonName(X509Certificate certificate) {
        RDN[] names = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        if (names.length != 1 || names[0].isMultiValued()) {
            return null;
        }
        return IETFUtils.valueToString(names[0].getFirst().getValue());
    }
}
