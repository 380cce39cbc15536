package jp.renkei.analytics.quality;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when checks fail; nothing is published. The code is the first failed check's code. */
public final class DataQualityException extends RuntimeException {

    private final List<QualityFinding> findings;

    public DataQualityException(List<QualityFinding> findings) {
        super(findings.stream().map(QualityFinding::message).collect(Collectors.joining("\n")));
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("a data-quality failure needs at least one finding");
        }
        this.findings = List.copyOf(findings);
    }

    public String code() {
        return findings.get(0).code();
    }

    public List<QualityFinding> findings() {
        return findings;
    }
}
