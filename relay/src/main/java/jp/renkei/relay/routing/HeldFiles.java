package jp.renkei.relay.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.renkei.ingest.io.DurableFiles;
import jp.renkei.relay.journal.JournalSealing;

/**
 * Files for addressees the relay does not know, kept in {@code held/} for an operator. They hold names, addresses and
 * person numbers, so each is sealed under the journal's key ({@code <name>.sealed}, the name authenticated with it),
 * owner-only in an owner-only folder, and deleted by retention like delivered files. {@code renkei-relay held} lists,
 * exports (decrypted, for an operator to forward) or purges them. Delivered files are not copied anywhere: an inbox is
 * served from the journal. Names are the validated standard names, which cannot contain a path separator.
 */
public final class HeldFiles {
    static final String SUFFIX = ".sealed";

    private final Path heldRoot;
    private final JournalSealing sealing;
    private boolean folderToForce;

    /** @param sealing the journal's key; the relay always has one */
    public HeldFiles(Path relayHome, JournalSealing sealing) {
        this.heldRoot = folder(relayHome);
        this.sealing = sealing;
    }

    public static Path folder(Path relayHome) {
        return relayHome.resolve("held");
    }

    /** A held file as the operator sees it. */
    public record Held(String fileName, long sealedBytes, Instant heldAt) {
    }

    /** Keeps the file sealed; {@code heldAt} (the relay's clock) is what retention counts from. */
    public void hold(String fileName, byte[] content, Instant heldAt) throws IOException {
        // (writing a secret makes its folder owner-only too)
        Path file = heldRoot.resolve(fileName + SUFFIX);
        DurableFiles.writeSecretDeferringFolder(file, sealing.sealFile(fileName, content));
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

    /** Every held file, by name. */
    public List<Held> list() throws IOException {
        if (!Files.isDirectory(heldRoot)) {
            return List.of();
        }
        List<Held> held = new ArrayList<>();
        try (Stream<Path> files = Files.list(heldRoot)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX) && !name.startsWith(".")) {
                    held.add(new Held(name.substring(0, name.length() - SUFFIX.length()), Files.size(file),
                            Files.getLastModifiedTime(file).toInstant()));
                }
            }
        }
        return held;
    }

    /** The clear content of a held file. */
    public byte[] read(String fileName) throws IOException {
        Path file = heldRoot.resolve(fileName + SUFFIX);
        if (!file.normalize().getParent().equals(heldRoot.normalize()) || !Files.exists(file)) {
            throw new IOException("no held file " + fileName + " in " + heldRoot);
        }
        return sealing.openFile(fileName, Files.readAllBytes(file));
    }

    /** Deletes one held file; false when there was none. */
    public boolean purge(String fileName) throws IOException {
        Path file = heldRoot.resolve(fileName + SUFFIX);
        if (!file.normalize().getParent().equals(heldRoot.normalize())) {
            return false;
        }
        boolean deleted = Files.deleteIfExists(file);
        if (deleted) {
            DurableFiles.forceFolder(heldRoot);
        }
        return deleted;
    }

    /** Deletes every held file held before {@code cutoff}; returns their names. */
    public List<String> purgeHeldBefore(Instant cutoff) throws IOException {
        List<String> purged = new ArrayList<>();
        for (Held held : list()) {
            if (held.heldAt().isBefore(cutoff) && purge(held.fileName())) {
                purged.add(held.fileName());
            }
        }
        return purged;
    }
}
