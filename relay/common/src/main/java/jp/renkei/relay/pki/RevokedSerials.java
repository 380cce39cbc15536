package jp.renkei.relay.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import jp.renkei.ingest.io.DurableFiles;

/**
 * The revocation list of office certificates: a text file with one serial in hex per line and {@code #} comments.
 * It is read again whenever its modification time, size or identity changes, so a revocation counts without
 * restarting the relay: at the first check once {@link #RECHECK} has passed since the file was last looked at. Looking
 * at every check cost a file-system call per request (3.5 % of the relay's CPU under load); a second is far inside
 * what revocation promises anywhere else (CRLs are cached for hours). Safe for concurrent use.
 *
 * <p>It fails closed: a list that is missing, unreadable or holds a line that is not a serial makes every check fail
 * (the relay then accepts no office certificate) until it is fixed, since "revokes nothing" would quietly trust a
 * certificate the operator meant to revoke. An empty file is the list that revokes nothing; installing trust in an
 * office CA creates it ({@link #createEmptyIfAbsent}).
 */
public final class RevokedSerials {
    private static final System.Logger LOG = System.getLogger(RevokedSerials.class.getName());

    /** How long a look at the file stands. */
    public static final Duration RECHECK = Duration.ofSeconds(1);

    private final Path file;
    private final long recheckNanos;
    private final LongSupplier nanoTicker;
    private volatile Snapshot snapshot = new Snapshot(null, Set.of(), Long.MIN_VALUE);

    private record Snapshot(Version version, Set<BigInteger> serials, long lookedAtNanos) {
    }

    private record Version(Object modified, long size, Object identity) {
    }

    private RevokedSerials(Path file, Duration recheck, LongSupplier nanoTicker) {
        this.file = Objects.requireNonNull(file, "file");
        this.recheckNanos = recheck.toNanos();
        this.nanoTicker = nanoTicker;
    }

    /** The list kept in {@code file}, looked at again after {@link #RECHECK}. */
    public static RevokedSerials at(Path file) {
        return new RevokedSerials(file, RECHECK, System::nanoTime);
    }

    /** The list kept in {@code file}, looked at again once {@code recheck} has passed on {@code nanoTicker}. */
    public static RevokedSerials at(Path file, Duration recheck, LongSupplier nanoTicker) {
        return new RevokedSerials(file, recheck, nanoTicker);
    }

    public Path file() {
        return file;
    }

    /** Whether {@code serial} is listed now; fails when the list is missing, cannot be read or is malformed. */
    public boolean isRevoked(BigInteger serial) throws IOException {
        return current().contains(serial);
    }

    /** The serials listed now. */
    public Set<BigInteger> current() throws IOException {
        long now = nanoTicker.getAsLong();
        Snapshot seen = snapshot;
        if (seen.lookedAtNanos() != Long.MIN_VALUE && now - seen.lookedAtNanos() < recheckNanos) {
            return seen.serials();
        }
        Version version = version();
        synchronized (this) {
            seen = snapshot;
            if (version == null) {
                throw missing();
            }
            Set<BigInteger> serials = Objects.equals(seen.version(), version) && seen.lookedAtNanos() != Long.MIN_VALUE
                    ? seen.serials() : read();
            snapshot = new Snapshot(version, serials, now);
            return serials;
        }
    }

    /** Writes the list that revokes nothing, with its explanatory header, unless {@code file} exists. */
    public static void createEmptyIfAbsent(Path file) throws IOException {
        if (!Files.exists(file)) {
            DurableFiles.write(file, HEADER.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final String HEADER = "# Revoked office certificate serials (hex), one a line; written by renkei-relay"
            + " ca revoke.\n# An empty list revokes nothing. A line that is not a serial stops every certificate from"
            + " being accepted until it is fixed.\n";

    private IOException missing() {
        return new NoSuchFileException(file.toString(), null, "RELAY-CERT-008 the revocation list is missing; no office"
                + " certificate is accepted until it is back (restore it, or create an empty file, which revokes nothing)");
    }

    /**
     * Adds {@code serial} to the list in {@code file} (created if needed) with a comment saying when, replacing the
     * file durably; answers false, changing nothing, when it is already listed.
     */
    public static boolean append(Path file, BigInteger serial, Instant at) throws IOException {
        RevokedSerials list = at(file, Duration.ZERO, System::nanoTime);
        if (Files.exists(file) && list.isRevoked(serial)) {
            return false;
        }
        createEmptyIfAbsent(file);
        String existing = Files.readString(file, StandardCharsets.UTF_8);
        StringBuilder content = new StringBuilder(existing);
        if (!existing.isEmpty() && !existing.endsWith("\n")) {
            content.append('\n');
        }
        content.append(hex(serial)).append("  # revoked ").append(at).append('\n');
        DurableFiles.write(file, content.toString().getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /** A serial as written by hand ({@code 0x} prefix, colons, upper case allowed); IllegalArgumentException if not hex. */
    public static BigInteger parseSerial(String written) {
        String hex = written == null ? "" : written.strip().toLowerCase(Locale.ROOT).replace(":", "");
        if (hex.startsWith("0x")) {
            hex = hex.substring(2);
        }
        if (hex.isEmpty() || hex.length() > 40 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("'" + written + "' is not a certificate serial in hex (at most 40 digits)");
        }
        return new BigInteger(hex, 16);
    }

    /** The canonical form: lower-case hex without leading zeros. */
    public static String hex(BigInteger serial) {
        return serial.toString(16);
    }

    private Version version() throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Version(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        } catch (NoSuchFileException absent) {
            return null;
        }
    }

    private Set<BigInteger> read() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException removedMeanwhile) {
            throw missing();
        }
        Set<BigInteger> serials = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comment = line.indexOf('#');
            String value = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (value.isEmpty()) {
                continue;
            }
            try {
                serials.add(parseSerial(value));
            } catch (IllegalArgumentException notHex) {
                // Skipping the line would trust whatever certificate it was meant to revoke.
                throw new IOException("RELAY-CERT-009 " + file + " line " + (i + 1) + ": '" + value + "' is not a hex"
                        + " serial; no office certificate is accepted until the line is fixed", notHex);
            }
        }
        LOG.log(System.Logger.Level.INFO, "{0}: {1} revoked office certificate serial(s)", file, serials.size());
        return Set.copyOf(serials);
    }
}
