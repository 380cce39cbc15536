package jp.renkei.relay.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import jp.renkei.ingest.cli.ConsoleProgress;
import jp.renkei.ingest.standard.OfficeNumber;
import jp.renkei.relay.launch.HomeOption;
import jp.renkei.relay.pki.AgentEnrolment;
import jp.renkei.relay.pki.OfficeCertificateAuthority;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.PkiLayout;
import jp.renkei.relay.pki.RevokedSerials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code renkei-relay ca issue | revoke}: the office CA that issues the agents' client certificates. */
@Command(name = "ca", mixinStandardHelpOptions = true, description = "Issues and revokes office client certificates.",
        subcommands = {CaCommand.Issue.class, CaCommand.Revoke.class})
final class CaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issues an office's key and client certificate (creating the office CA on first use).")
    static final class Issue implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        HomeOption homeOption;

        @Option(names = "--relay-home", description = "The relay's folder, where its trust anchor goes (default: <home>/relay).")
        Path relayHome;

        @Option(names = "--office", description = "The office number (10 digits); or use --senders-in.")
        String office;

        @Option(names = "--senders-in", description = "Instead of --office: every distinct sender office among the "
                + "standard file names in this folder (e.g. an outbox), skipping offices whose credentials in "
                + "<home>/agents/<office>/ are already this CA's and valid.")
        Path sendersIn;

        @Option(names = "--out", description = "Folder for the office's files (default: <home>/agents/<office>).")
        Path out;

        @Option(names = "--days", description = "Validity in days (default ${DEFAULT-VALUE}).")
        int days = 825;

        @Override
        public Integer call() throws IOException {
            Path home = homeOption.path();
            if ((office == null) == (sendersIn == null)) {
                throw new ParameterException(spec.commandLine(), "give either --office <10 digits> or --senders-in <folder>");
            }
            if (sendersIn != null) {
                if (out != null) {
                    throw new ParameterException(spec.commandLine(), "--out names one office's folder; with --senders-in "
                            + "each office's credentials go to <home>/agents/<office>/");
                }
                return issueForSenders();
            }
            if (!OfficeNumber.isValid(office)) {
                throw new ParameterException(spec.commandLine(), "--office '" + office + "' is not an office number: "
                        + "10 digits whose first two are a prefecture code 01–47");
            }
            if (days < 1) {
                throw new ParameterException(spec.commandLine(), "--days must be at least 1, not " + days);
            }
            PrintWriter console = spec.commandLine().getOut();
            Path caFolder = PkiLayout.caFolder(home);
            boolean existed = Files.exists(caFolder.resolve(OfficeCertificateAuthority.KEY_FILE));
            OfficeCertificateAuthority ca = OfficeCertificateAuthority.createOrLoad(caFolder, Clock.systemUTC());
            if (!existed) {
                console.printf("office CA created in %s: keep %s secret and backed up%n", caFolder,
                        OfficeCertificateAuthority.KEY_FILE);
            }
            Path anchor = PkiLayout.relayTrustAnchor(relayHome != null ? relayHome : PkiLayout.defaultRelayHome(home));
            ca.installTrustIn(anchor);
            OfficeCredentials credentials = ca.issue(office, Duration.ofDays(days));
            Path folder = out != null ? out : PkiLayout.agentFolder(home, office);
            credentials.writeTo(folder);
            X509Certificate certificate = credentials.certificate();
            console.printf("issued office certificate for %s%n", office);
            console.printf("  serial: %s%n", RevokedSerials.hex(certificate.getSerialNumber()));
            console.printf("  valid:  %s to %s%n", certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant());
            console.printf("  files:  %s (%s is secret: copy it only to the office's agent)%n", folder,
                    OfficeCredentials.KEY_FILE);
            console.printf("relay trust anchor: %s%n", anchor);
            return 0;
        }

        /** {@code --senders-in}: issues the sender offices of a folder that have no usable credentials yet. */
        private Integer issueForSenders() throws IOException {
            Path home = homeOption.path();
            if (days < 1) {
                throw new ParameterException(spec.commandLine(), "--days must be at least 1, not " + days);
            }
            if (!Files.isDirectory(sendersIn)) {
                throw new ParameterException(spec.commandLine(), "--senders-in " + sendersIn + " is not a folder");
            }
            PrintWriter console = spec.commandLine().getOut();
            SortedSet<String> senders = AgentEnrolment.sendersIn(sendersIn);
            console.printf("%,d sender offices in %s; issuing credentials for those without (an RSA 2048 key each)%n",
                    senders.size(), sendersIn);
            console.flush();
            ConsoleProgress progress = new ConsoleProgress("office credentials");
            AgentEnrolment.Result result = AgentEnrolment.issueMissing(home,
                    relayHome != null ? relayHome : PkiLayout.defaultRelayHome(home), senders, Duration.ofDays(days),
                    Clock.systemUTC(), progress::update);
            progress.done();
            if (result.caCreated()) {
                console.printf("office CA created in %s: keep %s secret and backed up%n", PkiLayout.caFolder(home),
                        OfficeCertificateAuthority.KEY_FILE);
            }
            result.replaced().forEach((replaced, why) -> console.printf("  replaced the credentials of %s: %s%n",
                    replaced, why));
            console.printf("issued %,d, kept %,d office credentials under %s (%s files are secret: copy each only to "
                    + "its office's agent)%n", result.issued().size(), senders.size() - result.issued().size(),
                    home.resolve("agents"), OfficeCredentials.KEY_FILE);
            console.printf("relay trust anchor: %s%n", result.trustAnchor());
            return 0;
        }

    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes an office certificate by serial; the relay refuses it from its next request on.")
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        HomeOption homeOption;

        @Option(names = "--relay-home", description = "The relay's folder (default: <home>/relay).")
        Path relayHome;

        @Option(names = "--serial", required = true, description = "The certificate serial in hex, as `ca issue` printed it.")
        String serial;

        @Override
        public Integer call() throws IOException {
            Path home = homeOption.path();
            BigInteger parsed;
            try {
                parsed = RevokedSerials.parseSerial(serial);
            } catch (IllegalArgumentException notHex) {
                throw new ParameterException(spec.commandLine(), "--serial " + notHex.getMessage());
            }
            Path list = PkiLayout.revokedSerials(relayHome != null ? relayHome : PkiLayout.defaultRelayHome(home));
            boolean added = RevokedSerials.append(list, parsed, Clock.systemUTC().instant());
            spec.commandLine().getOut().printf(added ? "revoked serial %s in %s%n" : "serial %s was already revoked in %s%n",
                    RevokedSerials.hex(parsed), list);
            return 0;
        }
    }
}
