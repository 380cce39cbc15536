package jp.renkei.relay.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import jp.renkei.ingest.io.DurableFiles;
import jp.renkei.relay.journal.JournalKey;
import jp.renkei.relay.routing.HeldFiles;
import jp.renkei.relay.routing.OfficeRegistry;
import jp.renkei.relay.server.RelayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code renkei-relay held list | export | release | purge}: the operator's view of files held for addressees the relay
 * does not know. They are sealed at rest; export decrypts one into an owner-only folder for the operator to forward;
 * release hands one to its addressee once the roster lists it, when the relay next starts.
 */
@Command(name = "held", mixinStandardHelpOptions = true,
        description = "Files held for addressees the relay does not know (sealed, owner-only, deleted after the retention "
                + "period).",
        subcommands = {HeldCommand.ListHeld.class, HeldCommand.Export.class, HeldCommand.Release.class,
                HeldCommand.Purge.class})
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

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the held files: name, addressee, bytes, held at, and whether a release waits for the "
                    + "relay's next start.")
    static final class ListHeld implements Callable<Integer> {
        @Mixin
        RelayHomeOptions home;

        @Override
        public Integer call() throws Exception {
            List<HeldFiles.Held> held = heldFiles(home).list();
            System.out.println("file_name\taddressee\tsealed_bytes\theld_at\tstate");
            for (HeldFiles.Held file : held) {
                System.out.println(file.fileName() + "\t" + file.addressee() + "\t" + file.sealedBytes() + "\t"
                        + file.heldAt() + "\t" + (file.releaseRequested() ? "release-at-next-start" : "held"));
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
            byte[] content = heldFiles(home).content(fileName);
            DurableFiles.createOwnerOnlyFolder(folder);
            DurableFiles.writeSecret(folder.resolve(fileName), content);
            System.err.println("exported " + fileName + " (" + content.length + " bytes) to " + folder);
            return 0;
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = {"Releases held files to their addressees once the license roster lists them: the relay "
                    + "journals each again as it arrived (with its sender's signature) when it next starts, and "
                    + "delivers it like any upload; the sender's receipt turns from held to delivered.",
                    "The relay reads the roster at start, so: add the office to the roster, release, then (re)start the "
                    + "relay. A file whose addressee the roster does not list is refused here (exit 1)."})
    static final class Release implements Callable<Integer> {
        @Mixin
        RelayHomeOptions home;

        @Parameters(arity = "0..*", paramLabel = "FILE_NAME", description = "The held files' standard names.")
        List<String> fileNames;

        @Option(names = "--registered",
                description = "Release every held file whose addressee the roster now lists.")
        boolean registered;

        @Override
        public Integer call() throws Exception {
            if ((fileNames == null || fileNames.isEmpty()) == !registered) {
                System.err.println("renkei-relay held release: give either FILE_NAME(s) or --registered");
                return 2;
            }
            RelayConfig relay = home.relayConfig();
            OfficeRegistry roster = OfficeRegistry.fromRoster(relay.registryRoster());
            HeldFiles held = heldFiles(home);
            // Files already released wait in held/release; only those still held can be released.
            java.util.Map<String, HeldFiles.Held> heldByName = new java.util.TreeMap<>();
            held.list().stream().filter(file -> !file.releaseRequested())
                    .forEach(file -> heldByName.put(file.fileName(), file));
            List<String> names = registered
                    ? heldByName.values().stream().filter(file -> roster.isRegistered(file.addressee()))
                            .map(HeldFiles.Held::fileName).toList()
                    : fileNames;
            int refused = 0;
            for (String name : names) {
                HeldFiles.Held file = heldByName.get(name);
                if (file == null) {
                    System.err.println("not released: no held file " + name + " (renkei-relay held list shows them)");
                    refused++;
                } else if (!roster.isRegistered(file.addressee())) {
                    System.err.println("not released: " + name + " — its addressee " + file.addressee() + " holds no"
                            + " license in " + relay.registryRoster() + "; add the office to the roster first");
                    refused++;
                } else if (held.heldEntry(name).isEmpty()) {
                    System.err.println("not released: " + name + " was held before the relay kept a held file's"
                            + " signature; export it (held export) and have its sender send it again");
                    refused++;
                } else if (!held.requestRelease(name)) {
                    System.err.println("not released: " + name + " is no longer held (retention or a purge removed it)");
                    refused++;
                } else {
                    System.out.println(name);
                }
            }
            System.err.println((names.size() - refused) + " file(s) released; the relay delivers them when it next starts");
            return refused == 0 ? 0 : 1;
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
