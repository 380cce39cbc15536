package jp.renkei.relay.agent;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.OTHER_CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import jp.renkei.relay.journal.JournalEntry;
import jp.renkei.relay.pki.FileSignature;
import jp.renkei.relay.pki.OfficeCertificateAuthority;
import jp.renkei.relay.pki.OfficeCertificateVerifier;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.RevokedSerials;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a delivered file can fail to prove its sender, and the one way it succeeds. */
class ReceivedFileCheckTest {
    private static final String NAME = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT);
    private static final byte[] PLAN = ScheduleFiles.plan(HOME_HELP, "1000000001");

    @TempDir
    static Path folder;

    private static OfficeCertificateAuthority ours;
    private static OfficeCredentials sender;
    private static ReceivedFileCheck check;

    @BeforeAll
    static void issue() throws Exception {
        ours = OfficeCertificateAuthority.createOrLoad(folder.resolve("ours"), Clock.systemUTC());
        sender = ours.issue(CARE_MANAGER, Duration.ofDays(30));
        check = new ReceivedFileCheck(verifier(null), HOME_HELP);
    }

    @Test
    void aFileSignedByItsSenderOverTheseBytesIsProven() {
        assertThat(check.check(NAME, PLAN, sender.sign(NAME, PLAN), certificate(sender), JournalEntry.sha256(PLAN)))
                .isEqualTo(new ReceivedFileCheck.Signed(CARE_MANAGER, RevokedSerials.hex(sender.certificate().getSerialNumber())));
    }

    @Test
    void withoutAUsableSignerCertificateNothingIsProven() {
        assertRefused(check.check(NAME, PLAN, sender.sign(NAME, PLAN), null, JournalEntry.sha256(PLAN)),
                ReceivedFileCheck.NO_SIGNER, "missing");
        assertRefused(check.check(NAME, PLAN, sender.sign(NAME, PLAN), "bm90IGEgY2VydGlmaWNhdGU=", JournalEntry.sha256(PLAN)),
                ReceivedFileCheck.NO_SIGNER, "not an X.509 certificate");
    }

    @Test
    void aSignerOfAForeignCaIsRefused() throws Exception {
        OfficeCredentials foreign = OfficeCertificateAuthority.createOrLoad(folder.resolve("foreign"), Clock.systemUTC())
                .issue(CARE_MANAGER, Duration.ofDays(30));

        assertRefused(check.check(NAME, PLAN, foreign.sign(NAME, PLAN), certificate(foreign), JournalEntry.sha256(PLAN)),
                ReceivedFileCheck.SIGNER_REFUSED, "RELAY-CERT-002");
    }

    @Test
    void anExpiredOrRevokedSignerIsRefused() throws Exception {
        Instant now = Instant.now();
        OfficeCredentials expired = ours.issue(CARE_MANAGER, now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1)));
        assertRefused(check.check(NAME, PLAN, expired.sign(NAME, PLAN), certificate(expired), JournalEntry.sha256(PLAN)),
                ReceivedFileCheck.SIGNER_REFUSED, "RELAY-CERT-003");

        Path revoked = folder.resolve("revoked-serials.txt");
        RevokedSerials.append(revoked, sender.certificate().getSerialNumber(), now);
        ReceivedFileCheck withRevocations = new ReceivedFileCheck(verifier(revoked), HOME_HELP);
        assertRefused(withRevocations.check(NAME, PLAN, sender.sign(NAME, PLAN), certificate(sender), JournalEntry.sha256(PLAN)),
                ReceivedFileCheck.SIGNER_REFUSED, "RELAY-CERT-004");
    }

    @Test
    void aSignatureOfAnotherOfficeThanTheSenderInTheNameIsRefused() {
        OfficeCredentials other = ours.issue(OTHER_CARE_MANAGER, Duration.ofDays(30));

        assertRefused(check.check(NAME, PLAN, other.sign(NAME, PLAN), certificate(other), JournalEntry.sha256(PLAN)),
                ReceivedFileCheck.NOT_THE_SENDER, "names sender office " + CARE_MANAGER + " but was signed by office "
                        + OTHER_CARE_MANAGER);
        assertRefused(check.check("plan.csv", PLAN, sender.sign("plan.csv", PLAN), certificate(sender), JournalEntry.sha256(PLAN)),
                ReceivedFileCheck.NOT_THE_SENDER, "not a standard name");
    }

    @Test
    void bytesOtherThanTheSignedOnesOrNoSignatureAreRefused() {
        byte[] changed = ScheduleFiles.plan(HOME_HELP, "1000000002");

        assertRefused(check.check(NAME, changed, sender.sign(NAME, PLAN), certificate(sender), JournalEntry.sha256(changed)),
                ReceivedFileCheck.BAD_SIGNATURE, "does not verify");
        assertRefused(check.check(NAME, PLAN, null, certificate(sender), JournalEntry.sha256(PLAN)),
                ReceivedFileCheck.BAD_SIGNATURE, "no " + FileSignature.HEADER);
    }

    @Test
    void bytesOtherThanTheRelayNamesAreRefused() {
        assertRefused(check.check(NAME, PLAN, sender.sign(NAME, PLAN), certificate(sender), JournalEntry.sha256(new byte[] {1})),
                ReceivedFileCheck.CHECKSUM_MISMATCH, JournalEntry.sha256(PLAN));
        assertRefused(check.check(NAME, PLAN, sender.sign(NAME, PLAN), certificate(sender), null),
                ReceivedFileCheck.CHECKSUM_MISMATCH, "names none");
    }

    private static void assertRefused(ReceivedFileCheck.Verdict verdict, String code, String reasonPart) {
        assertThat(verdict).isInstanceOfSatisfying(ReceivedFileCheck.Refused.class, refused -> {
            assertThat(refused.code()).isEqualTo(code);
            assertThat(refused.reason()).contains(reasonPart);
        });
    }

    private static OfficeCertificateVerifier verifier(Path revoked) throws Exception {
        return OfficeCertificateVerifier.load(folder.resolve("ours").resolve(OfficeCertificateAuthority.CERTIFICATE_FILE),
                revoked, Clock.systemUTC());
    }

    private static String certificate(OfficeCredentials credentials) {
        return FileSignature.encodeCertificate(credentials.certificate());
    }

    /** A well-signed file addressed to another office is refused: the relay delivered what is not ours. */
    @Test
    void aFileAddressedToAnotherOfficeIsRefusedHoweverWellSigned() throws Exception {
        ReceivedFileCheck atAnotherOffice = new ReceivedFileCheck(verifier(null), "2710000010");

        assertRefused(atAnotherOffice.check(NAME, PLAN, sender.sign(NAME, PLAN), certificate(sender), JournalEntry.sha256(PLAN)),
                ReceivedFileCheck.NOT_OURS, "addressed to office " + HOME_HELP);
    }

    /** The same signed bytes under another name (here another month) no longer verify: the name is signed too. */
    @Test
    void theSameSignedBytesUnderAnotherNameAreRefused() throws Exception {
        String renamed = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT.plusMinutes(1));

        assertRefused(check.check(renamed, PLAN, sender.sign(NAME, PLAN), certificate(sender), JournalEntry.sha256(PLAN)),
                ReceivedFileCheck.BAD_SIGNATURE, "renamed");
    }
}
