package jp.renkei.relay.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import jp.renkei.ingest.standard.InvalidFileNameException;
import jp.renkei.ingest.standard.StandardFileName;

/**
 * Issues the office credentials of several offices into one RENKEI_HOME that also holds the office CA — the demo's,
 * a benchmark's scratch home, the end-to-end test's, or an operator issuing for the senders of an outbox: creates the
 * CA on first use, adds its certificate to the relay's trust anchor (so it runs before the relay starts, which reads
 * the anchor then) and issues every office that has no usable credentials in {@code <home>/agents/<office>/} yet.
 */
public final class AgentEnrolment {
    /** As {@code renkei-relay ca issue --days}. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(825);

    /**
     * What an enrolment did.
     *
     * @param credentials every requested office's credentials, kept or new, in the order asked
     * @param issued the offices that got new credentials
     * @param replaced of those, the offices whose earlier credentials were unusable, with the reason
     * @param caCreated whether the office CA was created by this enrolment
     * @param trustAnchor the relay's trust anchor file, which now holds the CA certificate
     */
    public record Result(Map<String, OfficeCredentials> credentials, List<String> issued, Map<String, String> replaced,
            boolean caCreated, Path trustAnchor) {
    }

    private AgentEnrolment() {
    }

    /** The distinct sender offices among the standard file names anywhere under {@code folder} (others are skipped). */
    public static SortedSet<String> sendersIn(Path folder) throws IOException {
        SortedSet<String> senders = new TreeSet<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    senders.add(StandardFileName.parse(file.getFileName().toString()).senderOffice());
                } catch (InvalidFileNameException notStandard) {
                    // not a file an office sends: no credentials needed for it
                }
            }
        }
        return senders;
    }

    /**
     * Makes sure each of {@code offices} has credentials issued by the home's CA and valid now; an office whose folder
     * holds credentials of another CA, expired ones or broken files gets new ones ({@link Result#replaced}).
     *
     * @param relayHome the relay's folder, whose {@link PkiLayout#relayTrustAnchor} gets the CA certificate
     * @param progress a status after each office ("12/233 offices (4 issued)")
     */
    public static Result issueMissing(Path renkeiHome, Path relayHome, Collection<String> offices, Duration validity,
            Clock clock, Consumer<String> progress) throws IOException {
        Path caFolder = PkiLayout.caFolder(renkeiHome);
        boolean caCreated = !Files.exists(caFolder.resolve(OfficeCertificateAuthority.KEY_FILE))
                && !Files.exists(caFolder.resolve(OfficeCertificateAuthority.CERTIFICATE_FILE));
        OfficeCertificateAuthority ca = OfficeCertificateAuthority.createOrLoad(caFolder, clock);
        Path anchor = PkiLayout.relayTrustAnchor(relayHome);
        ca.installTrustIn(anchor);
        Map<String, OfficeCredentials> kept = new LinkedHashMap<>();
        Map<String, String> replaced = new LinkedHashMap<>();
        for (String office : offices) {
            Path folder = PkiLayout.agentFolder(renkeiHome, office);
            if (Files.exists(folder.resolve(OfficeCredentials.CERTIFICATE_FILE))
                    || Files.exists(folder.resolve(OfficeCredentials.KEY_FILE))) {
                String problem;
                try {
                    OfficeCredentials existing = OfficeCredentials.load(folder);
                    problem = problem(existing, office, ca.certificate(), clock.instant());
                    if (problem == null) {
                        kept.put(office, existing);
                    }
                } catch (IOException | RuntimeException unusable) {
                    problem = unusable.getMessage();
                }
                if (problem != null) {
                    replaced.put(office, problem);
                }
            }
        }
        // Key generation is the cost (often over 100 ms a key here) and independent per office: use every core.
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        Map<String, Future<OfficeCredentials>> issuing = new LinkedHashMap<>();
        try {
            for (String office : offices) {
                if (!kept.containsKey(office)) {
                    issuing.put(office, pool.submit(() -> {
                        OfficeCredentials fresh = ca.issue(office, validity);
                        fresh.writeTo(PkiLayout.agentFolder(renkeiHome, office));
                        return fresh;
                    }));
                }
            }
            Map<String, OfficeCredentials> credentials = new LinkedHashMap<>();
            int done = 0;
            int issued = 0;
            for (String office : offices) {
                Future<OfficeCredentials> fresh = issuing.get(office);
                if (fresh == null) {
                    credentials.put(office, kept.get(office));
                } else {
                    credentials.put(office, fresh.get());
                    issued++;
                }
                progress.accept(++done + "/" + offices.size() + " offices (" + issued + " issued)");
            }
            return new Result(credentials, List.copyOf(issuing.keySet()), replaced, caCreated, anchor);
        } catch (ExecutionException failure) {
            throw failure.getCause() instanceof IOException io ? io
                    : new IOException("cannot issue office credentials: " + failure.getCause(), failure.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while issuing office credentials", interrupted);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Why {@code existing} cannot serve {@code office} with this CA now, or null when it can. */
    private static String problem(OfficeCredentials existing, String office, X509Certificate ca, Instant now) {
        if (!existing.officeNumber().equals(office)) {
            return "they are office " + existing.officeNumber() + "'s";
        }
        if (!existing.issuer().equals(ca) || !issuedBy(existing.certificate(), ca)) {
            return "another office CA issued them";
        }
        if (!now.isBefore(existing.certificate().getNotAfter().toInstant())) {
            return "they expired at " + existing.certificate().getNotAfter().toInstant();
        }
        return null;
    }

    private static boolean issuedBy(X509Certificate certificate, X509Certificate ca) {
        try {
            certificate.verify(ca.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException notThisCa) {
            return false;
        }
    }

}
