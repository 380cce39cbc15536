package jp.renkei.relay.pki;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Two office CAs made once per test JVM (an RSA 3072 key takes a moment): ours and a stranger's with the same name. */
final class TestAuthorities {
    /** 21:00 on 26 November in Tokyo, already the 27th in the test JVM's zone (Pacific/Apia). */
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final OfficeCertificateAuthority OURS = OfficeCertificateAuthority.create(CLOCK);
    static final OfficeCertificateAuthority FOREIGN = OfficeCertificateAuthority.create(CLOCK);
    static final String OFFICE = "1310000001";
    static final OfficeCredentials CREDENTIALS = OURS.issue(OFFICE, Duration.ofDays(825));

    private TestAuthorities() {
    }
}
