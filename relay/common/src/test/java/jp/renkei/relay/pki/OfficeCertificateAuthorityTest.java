package jp.renkei.relay.pki;

import static jp.renkei.relay.pki.TestAuthorities.CLOCK;
import static jp.renkei.relay.pki.TestAuthorities.CREDENTIALS;
import static jp.renkei.relay.pki.TestAuthorities.NOW;
import static jp.renkei.relay.pki.TestAuthorities.OFFICE;
import static jp.renkei.relay.pki.TestAuthorities.OURS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficeCertificateAuthorityTest {
    @TempDir
    Path folder;

    @Test
    void theCaCertificateIsASelfSignedTenYearRsaCa() throws Exception {
        X509Certificate ca = OURS.certificate();

        ca.verify(ca.getPublicKey());
        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=renkei office CA,O=renkei");
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(((RSAPublicKey) ca.getPublicKey()).getModulus().bitLength()).isGreaterThanOrEqualTo(2048);
        assertThat(Duration.between(NOW, ca.getNotAfter().toInstant())).isEqualTo(Duration.ofDays(3650));
    }

    @Test
    void anOfficeCertificateIsAnRsa2048ClientCertificateNamingTheOffice() throws Exception {
        X509Certificate certificate = CREDENTIALS.certificate();

        certificate.verify(OURS.certificate().getPublicKey());
        assertThat(CREDENTIALS.officeNumber()).isEqualTo(OFFICE);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=1310000001,OU=care office,O=renkei");
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo(CREDENTIALS.privateKey().getAlgorithm());
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(certificate.getKeyUsage()[5]).as("keyCertSign").isFalse();
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(825)));
        assertThat(CREDENTIALS.issuer()).isEqualTo(OURS.certificate());
    }

    @Test
    void keyIdentifiersLinkTheOfficeCertificateToTheCa() throws Exception {
        var office = new JcaX509CertificateHolder(CREDENTIALS.certificate()).getExtensions();
        var ca = new JcaX509CertificateHolder(OURS.certificate()).getExtensions();

        byte[] authorityKey = AuthorityKeyIdentifier.fromExtensions(office).getKeyIdentifier();
        assertThat(authorityKey).isEqualTo(SubjectKeyIdentifier.fromExtensions(ca).getKeyIdentifier());
        assertThat(office.getExtension(Extension.subjectKeyIdentifier)).isNotNull();
        assertThat(SubjectKeyIdentifier.fromExtensions(office).getKeyIdentifier()).isNotEqualTo(authorityKey);
    }

    @Test
    void serialsArePositiveRandomAndAtMost128Bits() {
        OfficeCredentials other = OURS.issue(OFFICE, Duration.ofDays(1));

        for (OfficeCredentials credentials : new OfficeCredentials[] {CREDENTIALS, other}) {
            assertThat(credentials.certificate().getSerialNumber().signum()).isPositive();
            assertThat(credentials.certificate().getSerialNumber().bitLength()).isBetween(65, 128);
        }
        assertThat(other.certificate().getSerialNumber()).isNotEqualTo(CREDENTIALS.certificate().getSerialNumber());
        assertThat(other.privateKey().getEncoded()).isNotEqualTo(CREDENTIALS.privateKey().getEncoded());
    }

    @Test
    void refusesAnInvalidOfficeNumberNamingIt() {
        for (String invalid : new String[] {"123456789", "4810000001", "00100000001", "13100000OA"}) {
            assertThatThrownBy(() -> OURS.issue(invalid, Duration.ofDays(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + invalid + "'");
        }
        assertThatThrownBy(() -> OURS.issue(null, Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAValidityBeyondTheCasOwn() {
        Instant tooLate = OURS.certificate().getNotAfter().toInstant().plusSeconds(1);

        assertThatThrownBy(() -> OURS.issue(OFFICE, NOW, tooLate)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the office CA itself is valid only until");
        assertThatThrownBy(() -> OURS.issue(OFFICE, NOW, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not after");
    }

    @Test
    void createOrLoadCreatesOnceThenLoadsTheSameCa() throws IOException {
        Path caFolder = folder.resolve("office-ca");

        OfficeCertificateAuthority created = OfficeCertificateAuthority.createOrLoad(caFolder, CLOCK);
        OfficeCertificateAuthority again = OfficeCertificateAuthority.createOrLoad(caFolder, CLOCK);
        OfficeCertificateAuthority loaded = OfficeCertificateAuthority.load(caFolder, CLOCK);

        assertThat(again.certificate()).isEqualTo(created.certificate());
        assertThat(loaded.certificate()).isEqualTo(created.certificate());
        assertThat(Pem.readCertificate(caFolder.resolve("office-ca-cert.pem"))).isEqualTo(created.certificate());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(caFolder.resolve("office-ca-key.pem"))))
                .isEqualTo("rw-------");
        OfficeCredentials issued = loaded.issue(OFFICE, Duration.ofDays(1));
        assertThat(issued.issuer()).isEqualTo(created.certificate());
    }

    @Test
    void loadFailsNamingTheMissingFile() throws IOException {
        assertThatThrownBy(() -> OfficeCertificateAuthority.load(folder, CLOCK)).isInstanceOf(IOException.class)
                .hasMessageContaining("no office CA in " + folder).hasMessageContaining("office-ca-key.pem is missing");

        Pem.writePrivateKey(folder.resolve("office-ca-key.pem"), CREDENTIALS.privateKey());
        assertThatThrownBy(() -> OfficeCertificateAuthority.createOrLoad(folder, CLOCK)).isInstanceOf(IOException.class)
                .hasMessageContaining("office-ca-cert.pem is missing");
    }

    @Test
    void loadRefusesAKeyThatDoesNotBelongToTheCertificate() throws IOException {
        Pem.writePrivateKey(folder.resolve("office-ca-key.pem"), CREDENTIALS.privateKey());
        Pem.writeCertificates(folder.resolve("office-ca-cert.pem"), OURS.certificate());

        assertThatThrownBy(() -> OfficeCertificateAuthority.load(folder, CLOCK)).isInstanceOf(IOException.class)
                .hasMessageContaining("does not belong to");
    }
}
