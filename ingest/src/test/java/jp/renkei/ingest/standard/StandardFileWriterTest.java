package jp.renkei.ingest.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardFileWriterTest {

    @Test
    void writesMs932WithCrLfAndRfc4180Quoting() {
        byte[] bytes = StandardFileWriter.toBytes(List.of(List.of("202407", "a,b", "say \"hi\""), List.of("～", "①")));

        assertThat(bytes).startsWith(new byte[] {'2', '0', '2', '4', '0', '7', ','});
        assertThat(new String(bytes, StandardFileReader.MS932))
                .isEqualTo("202407,\"a,b\",\"say \"\"hi\"\"\"\r\n～,①\r\n");
        assertThat(new String(bytes, StandardFileReader.MS932).getBytes(StandardFileReader.MS932)).isEqualTo(bytes);
        assertThat(bytes).hasSizeLessThan("202407,\"a,b\",\"say \"\"hi\"\"\"\r\n～,①\r\n"
                .getBytes(StandardCharsets.UTF_8).length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"🙂", "𠮷", "한"})
    void characterOutsideMs932IsAnErrorNotAQuestionMark(String outside) {
        List<List<String>> records = List.of(List.of("202407", "介護" + outside + "支援子"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> StandardFileWriter.toBytes(records))
                .withMessageContaining("MS932");
    }
}
