package jp.renkei.relay.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jp.renkei.ingest.io.DurableFiles;

/**
 * Office inboxes on disk: {@code inbox/<office>/<file>}, and {@code held/} for unknown addressees. Files arrive by
 * fsynced temp file and rename, so an agent never downloads half a file. Names are the validated standard names,
 * which cannot contain a path separator.
 */
public final class Inboxes {
    private final Path inboxRoot;
    private final Path heldRoot;
    private final java.util.Set<Path> foldersToForce = new java.util.HashSet<>();

    public Inboxes(Path relayHome) {
        this.inboxRoot = relayHome.resolve("inbox");
        this.heldRoot = relayHome.resolve("held");
    }

    public void deliver(String office, String fileName, byte[] content) throws IOException {
        writeDurably(inboxRoot.resolve(office), fileName, content);
    }

    public void hold(String fileName, byte[] content) throws IOException {
        writeDurably(heldRoot, fileName, content);
    }

    public List<String> list(String office) throws IOException {
        Path folder = inboxRoot.resolve(office);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith(".")).sorted().toList();
        }
    }

    public Optional<byte[]> read(String office, String fileName) throws IOException {
        Path file = inboxRoot.resolve(office).resolve(fileName);
        if (!file.normalize().startsWith(inboxRoot.resolve(office)) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.readAllBytes(file));
    }

    private void writeDurably(Path folder, String fileName, byte[] content) throws IOException {
        DurableFiles.writeDeferringFolder(folder.resolve(fileName), content);
        synchronized (foldersToForce) {
            foldersToForce.add(folder);
        }
    }

    /**
     * Makes the renames since the last call durable: one folder fsync per office touched instead of one per file.
     * The processor calls it before the landing checkpoint moves, so a lost rename is always replayed.
     */
    public void forceFolders() throws IOException {
        List<Path> folders;
        synchronized (foldersToForce) {
            folders = List.copyOf(foldersToForce);
            foldersToForce.clear();
        }
        for (Path folder : folders) {
            DurableFiles.forceFolder(folder);
        }
    }
}
