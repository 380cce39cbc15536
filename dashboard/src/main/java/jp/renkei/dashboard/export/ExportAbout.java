package jp.renkei.dashboard.export;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.renkei.dashboard.security.Viewer;
import org.springframework.context.MessageSource;

/**
 * The lines every export writes above its table, in the same order on every page: reference month, area, what else
 * the page was filtered by, the viewer's scope, definitions, source (with the mart run) and when the file was made.
 */
public final class ExportAbout {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter MADE_AT = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm", Locale.JAPAN);

    private final MessageSource messages;
    private final List<ExportTable.About> lines = new ArrayList<>();

    private ExportAbout(MessageSource messages) {
        this.messages = messages;
    }

    public static ExportAbout with(MessageSource messages) {
        return new ExportAbout(messages);
    }

    /** A line whose label is the message {@code labelKey}. */
    public ExportAbout line(String labelKey, String value) {
        lines.add(new ExportTable.About(message(labelKey), value));
        return this;
    }

    /** The denominator scope line: its name and what it means. */
    public ExportAbout scope(String scopeCode) {
        String key = "scope." + scopeCode;
        return line("export.scope", message(key) + "（" + message(key + ".meaning") + "）");
    }

    public ExportAbout viewer(Viewer viewer) {
        return line("export.viewer", messages.getMessage("viewer.role." + viewer.role().prefix(),
                new Object[] {viewer.code()}, Locale.JAPAN));
    }

    /** Definitions, source and the time made: the last lines of every export. */
    public List<ExportTable.About> finish(String definitionsKey, String sourceKey, String runId, Clock clock) {
        line("export.definitions", message(definitionsKey));
        line("export.source", messages.getMessage(sourceKey, new Object[] {runId}, Locale.JAPAN));
        line("export.made_at", ZonedDateTime.now(clock.withZone(TOKYO)).format(MADE_AT) + " JST");
        return List.copyOf(lines);
    }

    public String message(String key) {
        return messages.getMessage(key, null, Locale.JAPAN);
    }

    /** A column headed by the message {@code labelKey}. */
    public ExportTable.Column column(String labelKey, ExportTable.Kind kind) {
        return new ExportTable.Column(message(labelKey), kind);
    }

    /** A rate column: its label and the fraction note ("（比率: 0.1234 = 12.34%）"), as every export heads rates. */
    public ExportTable.Column fraction(String label) {
        return new ExportTable.Column(label + message("csv.fraction"), ExportTable.Kind.FRACTION);
    }
}
