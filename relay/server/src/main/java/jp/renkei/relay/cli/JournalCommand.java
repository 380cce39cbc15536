package jp.renkei.relay.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import jp.renkei.relay.journal.DamagedRecord;
import jp.renkei.relay.journal.Journal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code renkei-relay journal damaged}: what the operator looks at when the relay reports damaged journal records. */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "Operator commands on the relay's journal.",
        subcommands = {JournalCommand.Damaged.class})
final class JournalCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        new picocli.CommandLine(this).usage(System.err);
        return 2;
    }

    @Command(name = "damaged", mixinStandardHelpOptions = true,
            description = {"Lists the journal records that were acknowledged and found unreadable when the relay started "
                    + "(RELAY-JOURNAL-006), with the copy of their bytes. Each was a file its sender holds: ask the "
                    + "sender (the relay's log names the record before it) to send it again.",
                    "Exits 1 when there are any, so a monitoring script can alarm on it."})
    static final class Damaged implements Callable<Integer> {
        @Mixin
        RelayHomeOptions home;

        @Override
        public Integer call() throws Exception {
            Path journalFile = Journal.fileIn(home.relayConfig().home());
            List<DamagedRecord> damaged = DamagedRecord.setAside(journalFile);
            if (damaged.isEmpty()) {
                System.out.println("no damaged journal records in " + journalFile.getParent());
                return 0;
            }
            System.out.println("segment\tat_byte\tbytes\tafter_record\tcopy");
            for (DamagedRecord record : damaged) {
                System.out.println(record.segment().getFileName() + "\t" + record.position() + "\t" + record.length()
                        + "\t" + record.afterSequence() + "\t" + record.copy());
            }
            return 1;
        }
    }
}
