package jp.renkei.relay.routing;

import java.io.IOException;
import java.nio.file.Path;
import jp.renkei.ingest.io.DurableFiles;

/**
 * Files for addressees the relay does not know, copied to {@code held/} for an operator to look at. Delivered files
 * are not copied anywhere: an inbox is served from the journal, which already holds every file durably. Names are the
 * validated standard names, which cannot contain a path separator.
 */
public final class HeldFiles {
    private final Path heldRoot;
    private boolean folderToForce;

    public HeldFiles(Path relayHome) {
        this.heldRoot = relayHome.resolve("held");
    }

    public void hold(String fileName, byte[] content) throws IOException {
        DurableFiles.writeDeferringFolder(heldRoot.resolve(fileName), content);
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
}
