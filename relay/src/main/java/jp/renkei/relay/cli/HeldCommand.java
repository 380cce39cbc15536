package jp.renkei.relay.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import jp.renkei.ingest.io.DurableFiles;
import jp.renkei.relay.journal.JournalKey;
import jp.renkei.relay.routing.HeldFiles;
import jp.renkei.relay.server.RelayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code renkei-relay held list | export | purge}: the operator's view of files held for addressees the relay does not
 * know. They are sealed at rest; export decrypts one into an owner-only folder for the operator to forward.
 */
@Command(name = "held", mixinStandardHelpOptions = true,
        description = "Files held for addressees the relay does not know (sealed, owner-only, deleted after the retention "
                + "period).",
        subcommands = {HeldCommand.ListHeld.class, HeldCommand.Export.class, HeldCommand.Purge.class})
final class HeldCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        new picocli.CommandLine(this).usage(System.err);
        return 2;
    }

    private static HeldFiles heldFiles(RelayHomeOptions home) throws Exception {
        RelayConfig relay = home.relayConfig();
        return new HeldFiles(relay.home(), JournalKey.sealing(relay.secretsFolder(), System.getenv()));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the held files: name, bytes, held at.")
    static final class ListHeld implements Callable<Integer> {
        @Mixin
        RelayHomeOptions home;

        @Override
        public Integer call() throws Exception {
            List<HeldFiles.Held> held = heldFiles(home).list();
            System.out.println("file_name\tsealed_bytes\theld_at");
            for (HeldFiles.Held file : held) {
                System.out.println(file.fileName() + "\t" + file.sealedBytes() + "\t" + file.heldAt());
            }
            System.err.println(held.size() + " held file(s)");
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Decrypts one held file into a folder (created owner-only), e.g. to forward it once its "
                    + "addressee is known; the held copy stays until purged or retention deletes it.")
    static final class Export implements Callable<Integer> {
        @Mixin
        RelayHomeOptions home;

        @Parameters(index = "0", paramLabel = "FILE_NAME", description = "The held file's standard name.")
        String fileName;

        @Option(names = "--to", required = true, description = "The folder to write the clear file to.")
        Path folder;

        @Override
        public Integer call() throws Exception {
            byte[] content = heldFiles(home).read(fileName);
            DurableFiles.createOwnerOnlyFolder(folder);
            DurableFiles.writeSecret(folder.resolve(fileName), content);
            System.err.println("exported " + fileName + " (" + content.length + " bytes) to " + folder);
            return 0;
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "Deletes one held file, or every file held longer than --older-than-days.")
    static final class Purge implements Callable<Integer> {
        @Mixin
        RelayHomeOptions home;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE_NAME", description = "The held file's standard name.")
        String fileName;

        @Option(names = "--older-than-days", description = "Delete every file held longer than this many days.")
        Integer olderThanDays;

        @Override
        public Integer call() throws Exception {
            HeldFiles held = heldFiles(home);
            if ((fileName == null) == (olderThanDays == null)) {
                System.err.println("renkei-relay held purge: give either a FILE_NAME or --older-than-days");
                return 2;
            }
            if (fileName != null) {
                boolean purged = held.purge(fileName);
                System.err.println(purged ? "purged " + fileName : "no held file " + fileName);
                return purged ? 0 : 1;
            }
            List<String> purged = held.purgeHeldBefore(Clock.systemUTC().instant().minus(Duration.ofDays(olderThanDays)));
            System.err.println("purged " + purged.size() + " held file(s)");
            return 0;
        }
    }
}
