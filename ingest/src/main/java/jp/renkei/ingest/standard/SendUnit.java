package jp.renkei.ingest.standard;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.renkei.ingest.finding.Finding;

/**
 * Files sent together: same sender, recipient and timestamp (the ファイル連番). Within a unit the parents must be
 * present — 1表 for 2表/3表/利用者補足情報, 6表 for 7表/利用者補足情報, and the 予防 parents for their 別表 — and
 * the files are applied parents first, in {@link FileKind} order.
 */
public final class SendUnit {
    /** What makes files one unit. */
    public record Key(String senderOffice, String recipientOffice, LocalDateTime sentAt) {
    }

    private final Key key;
    private final List<StandardFile> files;

    private SendUnit(Key key, List<StandardFile> files) {
        this.key = key;
        this.files = List.copyOf(files);
    }

    /** Groups read files (those with a valid name) into units, oldest timestamp first. */
    public static List<SendUnit> group(Collection<StandardFile> files) {
        Map<Key, List<StandardFile>> units = new LinkedHashMap<>();
        for (StandardFile file : files) {
            file.name().ifPresent(name -> units.computeIfAbsent(
                    new Key(name.senderOffice(), name.recipientOffice(), name.sentAt()), ignored -> new ArrayList<>())
                    .add(file));
        }
        return units.entrySet().stream()
                .map(entry -> new SendUnit(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing((SendUnit unit) -> unit.key.sentAt())
                        .thenComparing(unit -> unit.key.senderOffice()).thenComparing(unit -> unit.key.recipientOffice()))
                .toList();
    }

    public Key key() {
        return key;
    }

    public List<StandardFile> files() {
        return files;
    }

    /** The files in the standard's processing order: parents before children, ties by name. */
    public List<StandardFile> applyOrder() {
        return files.stream()
                .sorted(Comparator.comparing((StandardFile file) -> file.name().orElseThrow().kind())
                        .thenComparing(file -> file.name().orElseThrow().format()))
                .toList();
    }

    /** STD-KEY-001 for each child record whose parent is not in the unit. */
    public List<Finding> validate() {
        Set<PlanKey> offered = new HashSet<>();
        for (StandardFile file : files) {
            file.typedRecords().forEach(record -> PlanKey.offeredBy(record).ifPresent(offered::add));
        }
        List<Finding> findings = new ArrayList<>();
        for (StandardFile file : files) {
            String fileName = file.name().map(StandardFileName::format).orElse("");
            for (int i = 0; i < file.typedRecords().size(); i++) {
                Optional<PlanKey> needed = PlanKey.requiredBy(file.typedRecords().get(i));
                if (needed.isPresent() && !offered.contains(needed.get())) {
                    findings.add(Finding.error("STD-KEY-001", fileName, file.records().get(i).line(), 0, "",
                            parentJa(needed.get().table()) + "（キー " + needed.get().value()
                                    + "）が同じ送信単位にありません。親のファイルを同じファイル連番で一緒に送ってください",
                            "the parent " + parentEn(needed.get().table()) + " (key " + needed.get().value()
                                    + ") of this record is not in the send unit; send it with the same timestamp"));
                }
            }
        }
        return findings;
    }

    private static String parentJa(PlanKey.Table table) {
        return switch (table) {
            case CARE_PLAN_1 -> "親の居宅サービス計画書1表";
            case SCHEDULE -> "親の第6表(サービス利用票)";
            case ACTUALS -> "親の実績";
            case BASIC_INFO -> "親の利用者基本情報";
            case PREVENTION_PLAN -> "親の介護予防サービス・支援計画書";
        };
    }

    private static String parentEn(PlanKey.Table table) {
        return switch (table) {
            case CARE_PLAN_1 -> "care plan table 1 (UP1KYO)";
            case SCHEDULE -> "service schedule (UPPLAN)";
            case ACTUALS -> "actuals (UPJSK)";
            case BASIC_INFO -> "basic information (UPKIHON)";
            case PREVENTION_PLAN -> "prevention plan (UPYOBO)";
        };
    }
}
