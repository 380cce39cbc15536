package jp.renkei.relay.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jp.renkei.ingest.io.DurableFiles;
import jp.renkei.ingest.standard.InvalidFileNameException;
import jp.renkei.ingest.standard.StandardFileName;
import jp.renkei.relay.journal.JournalEntry;
import jp.renkei.relay.journal.JournalSealing;

/**
 * Files for addressees the relay does not know, kept in {@code held/} for an operator. They hold names, addresses and
 * person numbers, so each is sealed under the journal's key ({@code <name>.sealed}, the name authenticated with it),
 * owner-only in an owner-only folder, and deleted by retention like delivered files. What is sealed is the whole
 * journal entry — file, message id, sender, receipt time, the sender's signature and certificate — so that a released
 * file reaches its addressee exactly as it arrived, with the sender's proof. {@code renkei-relay held} lists, exports
 * (decrypted, for an operator to forward), releases or purges them; a released file waits in {@code held/release/}
 * until the relay next starts ({@link HeldRelease}). Delivered files are not copied anywhere: an inbox is served from
 * the journal. Names are the validated standard names, which cannot contain a path separator.
 */
public final class HeldFiles {
    static final String SUFFIX = ".sealed";

    private final Path heldRoot;
    private final Path releaseRoot;
    private final JournalSealing sealing;
    private boolean folderToForce;

    /** @param sealing the journal's key; the relay always has one */
    public HeldFiles(Path relayHome, JournalSealing sealing) {
        this.heldRoot = folder(relayHome);
        this.releaseRoot = heldRoot.resolve("release");
        this.sealing = sealing;
    }

    public static Path folder(Path relayHome) {
        return relayHome.resolve("held");
    }

    /**
     * A held file as the operator sees it.
     *
     * @param addressee the office its standard name addresses, {@code ?} for a name that is not one
     * @param releaseRequested an operator released it; the relay journals it again when it next starts
     */
    public record Held(String fileName, String addressee, long sealedBytes, Instant heldAt, boolean releaseRequested) {
    }

    /** Keeps the entry sealed; {@code heldAt} (the relay's clock) is what retention counts from. */
    public void hold(JournalEntry entry, Instant heldAt) throws IOException {
        // (writing a secret makes its folder owner-only too)
        Path file = heldRoot.resolve(entry.fileName() + SUFFIX);
        DurableFiles.writeSecretDeferringFolder(file, sealing.sealEntry(entry));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(heldAt));
        folderToForce = true;
    }

    /**
     * Makes the renames since the last call durable with one folder fsync. The processor calls it before the landing
     * checkpoint moves, so a lost rename is always replayed.
     */
    public void forceFolder() throws IOException {
        if (folderToForce) {
            DurableFiles.forceFolder(heldRoot);
            folderToForce = false;
        }
    }

    /** Every held file, held and released, by name. */
    public List<Held> list() throws IOException {
        List<Held> held = new ArrayList<>(list(heldRoot, false));
        held.addAll(list(releaseRoot, true));
        held.sort(Comparator.comparing(Held::fileName));
        return held;
    }

    private static List<Held> list(Path folder, boolean releaseRequested) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Held> held = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX) && !name.startsWith(".")) {
                    String fileName = name.substring(0, name.length() - SUFFIX.length());
                    held.add(new Held(fileName, addressee(fileName).orElse("?"), Files.size(file),
                            Files.getLastModifiedTime(file).toInstant(), releaseRequested));
                }
            }
        }
        return held;
    }

    /** The office a held file is addressed to, from its standard name; empty for a name that is not one. */
    public static Optional<String> addressee(String fileName) {
        try {
            return Optional.of(StandardFileName.parse(fileName).recipientOffice());
        } catch (InvalidFileNameException notStandard) {
            return Optional.empty();
        }
    }

    /**
     * The clear content of a held or released file (the copy waiting for release, when both exist). A file held before
     * whole entries were sealed holds its content alone.
     */
    public byte[] content(String fileName) throws IOException {
        Path file = inside(releaseRoot, fileName).filter(Files::exists)
                .or(() -> inside(heldRoot, fileName).filter(Files::exists))
                .orElseThrow(() -> new IOException("no held file " + fileName + " in " + heldRoot));
        byte[] opened = sealing.openFile(fileName, Files.readAllBytes(file));
        return JournalSealing.entryIn(fileName, opened).map(JournalEntry::content).orElse(opened);
    }

    /**
     * The entry of a held file as it arrived — with its sender's signature — or empty when none is held under that
     * name or it was held before whole entries were sealed (then it can be exported, not released).
     */
    public Optional<JournalEntry> heldEntry(String fileName) throws IOException {
        return entry(heldRoot, fileName);
    }

    /** The entry of a released file waiting in {@code held/release/}; empty as {@link #heldEntry}. */
    Optional<JournalEntry> releasedEntry(String fileName) throws IOException {
        return entry(releaseRoot, fileName);
    }

    private Optional<JournalEntry> entry(Path folder, String fileName) throws IOException {
        Optional<Path> file = inside(folder, fileName).filter(Files::exists);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        return JournalSealing.entryIn(fileName, sealing.openFile(fileName, Files.readAllBytes(file.get())));
    }

    /**
     * Marks a held file for release: it moves to {@code held/release/}, still sealed, replacing a release of an earlier
     * file of the same name (a standard name carries its send time to the second: the same name is the same file sent
     * again). False when no such file is held.
     */
    public boolean requestRelease(String fileName) throws IOException {
        Optional<Path> file = inside(heldRoot, fileName).filter(Files::exists);
        if (file.isEmpty()) {
            return false;
        }
        DurableFiles.createOwnerOnlyFolder(releaseRoot);
        Files.move(file.get(), releaseRoot.resolve(fileName + SUFFIX), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        DurableFiles.forceFolder(releaseRoot);
        DurableFiles.forceFolder(heldRoot);
        return true;
    }

    /** The names of the files an operator released, by name. */
    List<String> releaseRequests() throws IOException {
        return list(releaseRoot, true).stream().map(Held::fileName).toList();
    }

    /** Deletes the released copy once it is journaled again; the held folder is not touched. */
    void completeRelease(String fileName) throws IOException {
        Files.deleteIfExists(releaseRoot.resolve(fileName + SUFFIX));
        DurableFiles.forceFolder(releaseRoot);
    }

    /**
     * Puts a released file back among the held ones (its addressee is still not registered, or it cannot be released);
     * when a newer file of the same name has been held since, that one stays and the released copy goes.
     */
    void cancelRelease(String fileName) throws IOException {
        Path released = releaseRoot.resolve(fileName + SUFFIX);
        Path held = heldRoot.resolve(fileName + SUFFIX);
        if (Files.exists(held)) {
            Files.deleteIfExists(released);
        } else {
            Files.move(released, held, StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.forceFolder(heldRoot);
        }
        DurableFiles.forceFolder(releaseRoot);
    }

    /** Deletes one held or released file; false when there was none. */
    public boolean purge(String fileName) throws IOException {
        boolean deleted = false;
        for (Path folder : List.of(heldRoot, releaseRoot)) {
            Optional<Path> file = inside(folder, fileName);
            if (file.isPresent() && Files.deleteIfExists(file.get())) {
                DurableFiles.forceFolder(folder);
                deleted = true;
            }
        }
        return deleted;
    }

    /** Deletes every held or released file held before {@code cutoff}; returns their names. */
    public List<String> purgeHeldBefore(Instant cutoff) throws IOException {
        List<String> purged = new ArrayList<>();
        for (Held held : list()) {
            if (held.heldAt().isBefore(cutoff) && purge(held.fileName())) {
                purged.add(held.fileName());
            }
        }
        return purged;
    }

    /** The sealed file's path in {@code folder}, or empty when the name would leave it. */
    private static Optional<Path> inside(Path folder, String fileName) {
        Path file = folder.resolve(fileName + SUFFIX);
        return file.normalize().getParent().equals(folder.normalize()) ? Optional.of(file) : Optional.empty();
    }
}
