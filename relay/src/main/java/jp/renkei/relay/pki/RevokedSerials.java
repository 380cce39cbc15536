package jp.renkei.relay.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import jp.renkei.ingest.io.DurableFiles;

/**
 * The revocation list of office certificates: a text file with one serial in hex per line and {@code #} comments.
 * It is read again whenever its modification time, size or identity changes, so a revocation counts at the next
 * check without restarting the relay. Safe for concurrent use.
 */
public final class RevokedSerials {
    private static final System.Logger LOG = System.getLogger(RevokedSerials.class.getName());

    private final Path file;
    private volatile Snapshot snapshot = new Snapshot(null, Set.of());

    private record Snapshot(Version version, Set<BigInteger> serials) {
    }

    private record Version(Object modified, long size, Object identity) {
    }

    private RevokedSerials(Path file) {
        this.file = file;
    }

    /** The list kept in {@code file}; a file that does not exist (yet) revokes nothing. */
    public static RevokedSerials at(Path file) {
        return new RevokedSerials(Objects.requireNonNull(file, "file"));
    }

    public Path file() {
        return file;
    }

    /** Whether {@code serial} is listed now; fails when the file exists but cannot be read. */
    public boolean isRevoked(BigInteger serial) throws IOException {
        return current().contains(serial);
    }

    /** The serials listed now. */
    public Set<BigInteger> current() throws IOException {
        Version version = version();
        Snapshot seen = snapshot;
        if (Objects.equals(seen.version(), version)) {
            return seen.serials();
        }
        synchronized (this) {
            seen = snapshot;
            if (!Objects.equals(seen.version(), version)) {
                seen = new Snapshot(version, version == null ? Set.of() : read());
                snapshot = seen;
            }
            return seen.serials();
        }
    }

    /**
     * Adds {@code serial} to the list in {@code file} (created if needed) with a comment saying when, replacing the
     * file durably; answers false, changing nothing, when it is already listed.
     */
    public static boolean append(Path file, BigInteger serial, Instant at) throws IOException {
        RevokedSerials list = at(file);
        if (list.isRevoked(serial)) {
            return false;
        }
        String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        StringBuilder content = new StringBuilder(existing);
        if (existing.isEmpty()) {
            content.append("# Revoked office certificate serials (hex), one a line; written by renkei-relay ca revoke.\n");
        } else if (!existing.endsWith("\n")) {
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
            return Set.of();
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
                LOG.log(System.Logger.Level.WARNING, "{0} line {1}: ignoring ''{2}'', which is not a hex serial; "
                        + "fix the line or the certificate stays trusted", file, i + 1, value);
            }
        }
        LOG.log(System.Logger.Level.INFO, "{0}: {1} revoked office certificate serial(s)", file, serials.size());
        return Set.copyOf(serials);
    }
}
