package jp.renkei.relay.testing;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The relay's log records while open, as "message | parameters" lines a test can search. */
public final class CapturedLogs implements AutoCloseable {
    private final Logger logger = Logger.getLogger("jp.renkei.relay");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public CapturedLogs() {
        logger.addHandler(handler);
    }

    public List<String> lines() {
        return records.stream().map(record -> record.getLevel() + " " + record.getMessage() + " | "
                + (record.getParameters() == null ? "" : Arrays.toString(record.getParameters()))).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
