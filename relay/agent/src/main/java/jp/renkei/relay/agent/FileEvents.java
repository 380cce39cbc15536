package jp.renkei.relay.agent;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Calls back when something is created or changed in an outbox folder or one of its sub-folders (a sub-folder created
 * later is watched from then on). Only a hint that makes the next pass come sooner: events can be lost or not
 * delivered at all (network shares), so the poll stays the guarantee. If watching cannot start, the agent polls only.
 */
final class FileEvents implements AutoCloseable {
    private final Path folder;
    private final WatchService service;
    private final Runnable onEvent;

    private FileEvents(Path folder, WatchService service, Runnable onEvent) {
        this.folder = folder;
        this.service = service;
        this.onEvent = onEvent;
    }

    /** Watches {@code folder} in a daemon thread; says on {@code problems} (and polls only) when it cannot. */
    static FileEvents watch(Path folder, Runnable onEvent, Consumer<String> problems) {
        WatchService service = null;
        try {
            service = folder.getFileSystem().newWatchService();
            FileEvents events = new FileEvents(folder, service, onEvent);
            events.register(folder);
            List<Path> folders;
            try (Stream<Path> entries = Files.list(folder)) {
                folders = entries.filter(Files::isDirectory).toList();
            }
            for (Path subFolder : folders) {
                events.register(subFolder);
            }
            Thread thread = new Thread(events::deliver, "renkei-agent-file-events");
            thread.setDaemon(true);
            thread.start();
            return events;
        } catch (IOException | UnsupportedOperationException failure) {
            problems.accept("agent: cannot watch " + folder + " for new files (" + failure + "); looking at it every poll "
                    + "only");
            if (service != null) {
                try {
                    service.close();
                } catch (IOException ignored) {
                    // it never delivered anything
                }
            }
            return new FileEvents(folder, null, onEvent);
        }
    }

    private void register(Path watched) throws IOException {
        watched.register(service, ENTRY_CREATE, ENTRY_MODIFY);
    }

    private void deliver() {
        try {
            while (true) {
                WatchKey key = service.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == ENTRY_CREATE && key.watchable().equals(folder)
                            && event.context() instanceof Path name && Files.isDirectory(folder.resolve(name))) {
                        try {
                            register(folder.resolve(name));
                        } catch (IOException gone) {
                            // the poll still finds its files
                        }
                    }
                }
                key.reset();
                onEvent.run();
            }
        } catch (ClosedWatchServiceException | InterruptedException closed) {
            // the agent stopped
        }
    }

    @Override
    public void close() throws IOException {
        if (service != null) {
            service.close();
        }
    }
}
