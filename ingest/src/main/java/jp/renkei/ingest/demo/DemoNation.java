package jp.renkei.ingest.demo;

import java.nio.file.Path;

/** Where the generator wrote the demo inputs and how much of each it wrote. */
public record DemoNation(
        Path municipalityMaster,
        Path officeList,
        Path applicationRoster,
        Path modelRegions,
        Path effectReports,
        Path cardRollout,
        Path outbox,
        Path archive,
        int municipalities,
        int offices,
        int applications,
        int modelRegionCount,
        int effectReportCount,
        long persons,
        int linkedPairs,
        int files,
        int archivedFiles,
        long scheduleLines,
        long cardChecks) {

    public String summary() {
        return String.format("%,d municipalities, %,d offices, %,d applications, %,d model regions, %,d effect reports, "
                + "%,d persons, %,d linked office pairs, %,d standard files (%,d in the history archive, %,d in the outbox; "
                + "%,d 第6表 lines), %,d card checks since the 介護情報基盤 rollout", municipalities, offices, applications,
                modelRegionCount, effectReportCount, persons, linkedPairs, files, archivedFiles, files - archivedFiles,
                scheduleLines, cardChecks);
    }
}
