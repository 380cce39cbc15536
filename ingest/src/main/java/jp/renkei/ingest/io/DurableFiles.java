package jp.renkei.ingest.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that after a crash it holds either the old or the new bytes, never half: write a hidden temp
 * file, fsync it, rename it over the target, fsync the folder (without that, the rename itself may be lost).
 */
public final class DurableFiles {
    private DurableFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, false);
    }

    /** The same, readable and writable by the owner only (keys, tokens, passwords). */
    public static void writeSecret(Path target, byte[] content) throws IOException {
        write(target, content, true);
    }

    /**
     * {@link #writeSecret} of {@code length} bytes of {@code source} from {@code position}, streamed (the region may be
     * far larger than a heap should hold), e.g. a damaged stretch of a journal set aside.
     */
    public static void copySecret(FileChannel source, long position, long length, Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        createOwnerOnlyFolder(folder);
        Path temporary = folder.resolve("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try (FileChannel out = openOwnerOnly(temporary)) {
            long copied = 0;
            while (copied < length) {
                copied += source.transferTo(position + copied, length - copied, out);
            }
            out.force(false);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder(folder);
    }

    /** {@link #writeSecret} without the folder fsync; the caller batches {@link #forceFolder} for many files. */
    public static void writeSecretDeferringFolder(Path target, byte[] content) throws IOException {
        Path temporary = writeTemporary(target, content, true);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes without the folder fsync; the caller batches {@link #forceFolder} for many files. */
    public static void writeDeferringFolder(Path target, byte[] content) throws IOException {
        Path temporary = writeTemporary(target, content, false);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void write(Path target, byte[] content, boolean ownerOnly) throws IOException {
        Path temporary = writeTemporary(target, content, ownerOnly);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder(target.toAbsolutePath().getParent());
    }

    private static Path writeTemporary(Path target, byte[] content, boolean ownerOnly) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        if (ownerOnly) {
            createOwnerOnlyFolder(folder);
        } else {
            Files.createDirectories(folder);
        }
        Path temporary = folder.resolve("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try (FileChannel channel = ownerOnly ? openOwnerOnly(temporary)
                : FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
        return temporary;
    }

    /** A new file that is owner-only from its creation: no moment when the umask's permissions let others read it. */
    private static FileChannel openOwnerOnly(Path file) throws IOException {
        try {
            return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies.
            return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /**
     * The bytes of a secret (a key, a password), refusing a file that its group or others may read or write: a key
     * anyone can read is no longer a secret, and one anyone can write could be swapped. The message says how to fix it.
     */
    public static byte[] readSecret(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(permission -> !permission.name().startsWith("OWNER_"))) {
                throw new IOException("SECRET-PERM-001 " + file + " is " + PosixFilePermissions.toString(permissions)
                        + ": a key or password others may read is refused; make it owner-only (chmod 600 " + file
                        + ") and, if others could read it, replace the secret");
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies.
        }
        return Files.readAllBytes(file);
    }

    /**
     * Creates {@code folder} (and its missing parents) readable by the owner only from the start, and makes an existing
     * one owner-only; for folders of personal data or secrets.
     */
    public static void createOwnerOnlyFolder(Path folder) throws IOException {
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(folder);
        }
    }

    /** Makes renames in {@code folder} durable; a file system that cannot open folders is left as it is. */
    public static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException notSupported) {
            // e.g. Windows; the files themselves are durable, only their names may be lost on power failure.
        }
    }
}
