package jp.renkei.ingest.finding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Collects the findings of one input; caps the list so a file of junk cannot exhaust memory. */
public final class Findings {
    static final int MAXIMUM_KEPT = 1_000;

    private final String file;
    private final List<Finding> kept = new ArrayList<>();
    private long errorCount;
    private long warningCount;

    public Findings(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void error(String code, long line, int column, String field, String messageJa, String messageEn) {
        add(new Finding(code, Severity.ERROR, file, line, column, field, messageJa, messageEn));
    }

    public void warning(String code, long line, int column, String field, String messageJa, String messageEn) {
        add(new Finding(code, Severity.WARNING, file, line, column, field, messageJa, messageEn));
    }

    public void add(Finding finding) {
        if (finding.isError()) {
            errorCount++;
        } else {
            warningCount++;
        }
        if (kept.size() < MAXIMUM_KEPT) {
            kept.add(finding);
        }
    }

    public void addAll(Findings other) {
        other.kept.forEach(this::add);
    }

    public boolean hasErrors() {
        return errorCount > 0;
    }

    public long errorCount() {
        return errorCount;
    }

    public long warningCount() {
        return warningCount;
    }

    public List<Finding> list() {
        return Collections.unmodifiableList(kept);
    }

    /** The first error kept, in the order found: what a reader that stops at one problem reports. */
    public Optional<Finding> firstError() {
        return kept.stream().filter(Finding::isError).findFirst();
    }
}
