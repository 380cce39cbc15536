package jp.renkei.relay.routing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Office inboxes on disk: {@code inbox/<office>/<file>}, and {@code held/} for unknown addressees. Files arrive by
 * fsynced temp file and rename, so an agent never downloads half a file. Names are the validated standard names,
 * which cannot contain a path separator.
 */
public final class Inboxes {
    private final Path inboxRoot;
    private final Path heldRoot;

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

    private static void writeDurably(Path folder, String fileName, byte[] content) throws IOException {
        Files.createDirectories(folder);
        Path temporary = folder.resolve("." + fileName + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
        Files.move(temporary, folder.resolve(fileName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
