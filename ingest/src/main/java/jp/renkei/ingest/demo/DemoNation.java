package jp.renkei.ingest.demo;

import java.nio.file.Path;

/** Where the generator wrote the demo inputs and how much of each it wrote. */
public record DemoNation(
        Path municipalityMaster,
        Path officeList,
        Path applicationRoster,
        Path outbox,
        int municipalities,
        int offices,
        int applications,
        int linkedPairs,
        int files,
        long scheduleLines) {

    public String summary() {
        return String.format("%,d municipalities, %,d offices, %,d applications, %,d linked office pairs, "
                + "%,d standard files (%,d 第6表 lines)", municipalities, offices, applications, linkedPairs, files,
                scheduleLines);
    }
}
