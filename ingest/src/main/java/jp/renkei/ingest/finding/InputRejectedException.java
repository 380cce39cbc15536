package jp.renkei.ingest.finding;

import java.util.List;

/** Thrown when an input has at least one error; carries every finding so the caller can report them all. */
public class InputRejectedException extends Exception {
    private final transient List<Finding> findings;

    public InputRejectedException(Findings findings) {
        super(summary(findings));
        this.findings = List.copyOf(findings.list());
    }

    public List<Finding> findings() {
        return findings;
    }

    private static String summary(Findings findings) {
        String first = findings.firstError().map(Finding::describe).orElse("");
        return findings.file() + " rejected: " + findings.errorCount() + " error(s), " + findings.warningCount()
                + " warning(s); first: " + first;
    }
}
