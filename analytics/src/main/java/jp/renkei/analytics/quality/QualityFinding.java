package jp.renkei.analytics.quality;

import java.util.List;

/**
 * A failed check: its code, its name, how many rows break it, a few example keys and what to do.
 */
public record QualityFinding(String code, String name, long violations, List<String> examples, String advice) {

    public QualityFinding {
        examples = List.copyOf(examples);
    }

    public String message() {
        return code + " " + name + " failed: " + violations + (violations == 1 ? " violation" : " violations")
                + ", e.g. " + String.join("; ", examples) + ". " + advice;
    }
}
