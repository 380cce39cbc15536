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
                    held.add(new Held(fileName, addressee(fileName), Files.size(file),
                            Files.getLastModifiedTime(file).toInstant(), releaseRequested));
                }
            }
        }
        return held;
    }

    /** The office a held file is addressed to, from its (validated) standard name. */
    public static String addressee(String fileName) {
        try {
            return StandardFileName.parse(fileName).recipientOffice();
        } catch (InvalidFileNameException impossible) {
            throw new IllegalStateException("a held file has a name the relay would not have accepted: " + fileName,
                    impossible);
        }
    }

    /** The entry of a held or released file, as it arrived. */
    public JournalEntry read(String fileName) throws IOException {
        Path file = existing(fileName).orElseThrow(() -> new IOException("no held file " + fileName + " in " + heldRoot));
        return sealing.openEntry(fileName, Files.readAllBytes(file));
    }

    /**
     * Marks a held file for release: it moves to {@code held/release/}, still sealed. False when no such file is held
     * (a file already released counts as held).
     */
    public boolean requestRelease(String fileName) throws IOException {
        Optional<Path> file = inside(heldRoot, fileName).filter(Files::exists);
        if (file.isEmpty()) {
            return inside(releaseRoot, fileName).filter(Files::exists).isPresent();
        }
        DurableFiles.createOwnerOnlyFolder(releaseRoot);
        Files.move(file.get(), releaseRoot.resolve(fileName + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
        DurableFiles.forceFolder(releaseRoot);
        DurableFiles.forceFolder(heldRoot);
        return true;
    }

    /** The names of the files an operator released, by name. */
    List<String> releaseRequests() throws IOException {
        return list(releaseRoot, true).stream().map(Held::fileName).toList();
    }

    /** Puts a released file back among the held ones (its addressee is still not registered). */
    void cancelRelease(String fileName) throws IOException {
        Files.move(releaseRoot.resolve(fileName + SUFFIX), heldRoot.resolve(fileName + SUFFIX),
                StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DurableFiles.forceFolder(heldRoot);
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

    private Optional<Path> existing(String fileName) {
        return inside(heldRoot, fileName).filter(Files::exists)
                .or(() -> inside(releaseRoot, fileName).filter(Files::exists));
    }

    /** The sealed file's path in {@code folder}, or empty when the name would leave it. */
    private static Optional<Path> inside(Path folder, String fileName) {
        Path file = folder.resolve(fileName + SUFFIX);
        return file.normalize().getParent().equals(folder.normalize()) ? Optional.of(file) : Optional.empty();
    }
}
