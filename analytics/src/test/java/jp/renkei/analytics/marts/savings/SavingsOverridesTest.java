package jp.renkei.analytics.marts.savings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavingsOverridesTest {

    @TempDir
    Path folder;

    @Test
    void readsEachOfficesValues() throws Exception {
        SavingsOverrides overrides = SavingsOverrides.read(file("""
                office_number,parameter,value
                3112010018,mailed.share,0.9
                3112010018,yen.per.unit,10.84
                3112010026,paper.yen.per.sheet,7
                """));

        assertThat(overrides.of("3112010018")).isEqualTo(Map.of("mailed.share", 0.9, "yen.per.unit", 10.84));
        assertThat(overrides.of("3112010026")).isEqualTo(Map.of("paper.yen.per.sheet", 7.0));
        assertThat(overrides.toString()).startsWith("SavingsOverrides[offices=2, sha256=");
    }

    @Test
    void namesTheLineAndWhatIsWrong() throws Exception {
        assertRefused("office_number,parameter,value\n31120100,mailed.share,0.5\n", "line 2", "10 digits");
        assertRefused("office_number,parameter,value\n3112010018,license.yen.per.year,0\n", "line 2",
                "not one an office may set");
        assertRefused("office_number,parameter,value\n3112010018,mailed.share,1.5\n", "line 2", "in [0, 1]");
        assertRefused("office_number,parameter,value\n3112010018,staff.yen.per.hour,-1\n", "line 2", "0 or more");
        assertRefused("office_number,parameter,value\n3112010018,staff.yen.per.hour,much\n", "line 2", "a number");
        assertRefused("office_number,parameter,value\n3112010018,mailed.share,0.5\n3112010018,mailed.share,0.6\n",
                "line 3", "twice");
        assertRefused("office,key,value\n", "header must be [office_number, parameter, value]");
    }

    private void assertRefused(String csv, String... said) throws Exception {
        Path file = file(csv);
        assertThatThrownBy(() -> SavingsOverrides.read(file)).isInstanceOf(IllegalArgumentException.class)
                .message().contains(said);
    }

    private Path file(String text) throws Exception {
        Path file = Files.createTempFile(folder, "overrides", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
