package jp.renkei.relay.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line ({@code RENKEI_LOG_FORMAT=json}) for a log shipper: time, level, logger, thread, the
 * formatted message, its parameters (message ids, office numbers, codes — the relay never logs file contents or
 * person numbers) and the error with its stack trace.
 */
public final class JsonLogFormatter extends Formatter {
    public static final String VARIABLE = "RENKEI_LOG_FORMAT";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String format(LogRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.ofEpochMilli(record.getMillis()).toString());
        line.put("level", record.getLevel().getName());
        line.put("logger", record.getLoggerName());
        line.put("thread", Thread.currentThread().getName());
        line.put("message", formatMessage(record));
        Object[] parameters = record.getParameters();
        if (parameters != null && parameters.length > 0) {
            line.put("parameters", java.util.Arrays.stream(parameters).map(String::valueOf).toList());
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.put("error", record.getThrown().toString());
            line.put("stack_trace", trace.toString());
        }
        try {
            return JSON.writeValueAsString(line) + System.lineSeparator();
        } catch (JsonProcessingException impossible) {
            return "{\"level\":\"SEVERE\",\"message\":\"unformattable log record\"}" + System.lineSeparator();
        }
    }

    /** Switches the root handlers to JSON lines when {@value #VARIABLE} is {@code json}. */
    static void installIfAsked(Map<String, String> environment) {
        if (!"json".equalsIgnoreCase(environment.getOrDefault(VARIABLE, ""))) {
            return;
        }
        for (java.util.logging.Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            handler.setFormatter(new JsonLogFormatter());
        }
    }
}
