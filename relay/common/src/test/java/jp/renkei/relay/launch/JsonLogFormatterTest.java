package jp.renkei.relay.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {
    @Test
    void aRecordIsOneJsonLineWithItsFormattedMessageParametersAndError() throws Exception {
        LogRecord record = new LogRecord(Level.WARNING, "upload refused from {0}: {1} \"quoted\"\nsecond line");
        record.setLoggerName("jp.renkei.relay.http.OfficeAuthentication");
        record.setParameters(new Object[] {"127.0.0.1:50000", "RELAY-CERT-003"});
        record.setThrown(new IOException("disk full"));
        record.setMillis(1_764_158_400_123L);

        String text = new JsonLogFormatter().format(record);

        assertThat(text).endsWith(System.lineSeparator());
        assertThat(text.strip().lines()).as("one line, whatever the message holds").hasSize(1);
        JsonNode line = new ObjectMapper().readTree(text);
        assertThat(line.get("time").asText()).isEqualTo("2025-11-26T12:00:00.123Z");
        assertThat(line.get("level").asText()).isEqualTo("WARNING");
        assertThat(line.get("logger").asText()).isEqualTo("jp.renkei.relay.http.OfficeAuthentication");
        assertThat(line.get("message").asText())
                .isEqualTo("upload refused from 127.0.0.1:50000: RELAY-CERT-003 \"quoted\"\nsecond line");
        assertThat(line.get("parameters")).extracting(JsonNode::asText).containsExactly("127.0.0.1:50000", "RELAY-CERT-003");
        assertThat(line.get("error").asText()).isEqualTo("java.io.IOException: disk full");
        assertThat(line.get("stack_trace").asText()).contains("JsonLogFormatterTest");
    }
}
