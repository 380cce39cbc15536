package jp.renkei.relay.pki;

import java.math.BigInteger;
import java.util.Objects;

/** What a client certificate proves: an office, or a refusal with a stable code and messages in English and Japanese. */
public sealed interface OfficeIdentity {

    /**
     * The certificate proves {@code officeNumber}.
     *
     * @param serial the certificate serial, for logs and revocation ({@link RevokedSerials#hex})
     */
    record Proven(String officeNumber, BigInteger serial) implements OfficeIdentity {
        public Proven {
            Objects.requireNonNull(officeNumber, "officeNumber");
            Objects.requireNonNull(serial, "serial");
        }
    }

    /**
     * The certificate proves nothing; answer {@code httpStatus} with {@code code}, log {@code messageEn}, show
     * {@code messageJa} to the office user.
     */
    record Refused(int httpStatus, String code, String messageEn, String messageJa) implements OfficeIdentity {
        /** 401: no client certificate was presented. */
        public static final String NO_CERTIFICATE = "RELAY-CERT-001";
        /** 401: not issued by a trusted office CA, or its signature does not verify. */
        public static final String UNTRUSTED = "RELAY-CERT-002";
        /** 401: expired or not yet valid. */
        public static final String OUTSIDE_VALIDITY = "RELAY-CERT-003";
        /** 401: the serial is on the revocation list. */
        public static final String REVOKED = "RELAY-CERT-004";
        /** 403: the subject CN is not a valid office number. */
        public static final String NOT_AN_OFFICE = "RELAY-CERT-005";
        /** 403: not a client-authentication certificate. */
        public static final String NOT_CLIENT_AUTH = "RELAY-CERT-006";
        /** 503: the revocation list exists but cannot be read, so no certificate is accepted until it can. */
        public static final String REVOCATION_UNREADABLE = "RELAY-CERT-007";

        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(messageEn, "messageEn");
            Objects.requireNonNull(messageJa, "messageJa");
        }
    }
}
