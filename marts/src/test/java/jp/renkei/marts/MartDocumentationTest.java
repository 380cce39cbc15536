package jp.renkei.marts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/marts.md has a section per mart that names every column of the contract. */
class MartDocumentationTest {
    private static final Path PAGE = Path.of("..", "docs", "marts.md");

    @ParameterizedTest
    @EnumSource(Mart.class)
    void everyMartAndColumnIsDocumented(Mart mart) throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        Matcher section = Pattern.compile("(?ms)^## " + Pattern.quote(mart.folder()) + " .*?(?=^## |\\z)").matcher(page);

        assertThat(section.find()).as("a section '## %s …' in %s", mart.folder(), PAGE).isTrue();
        for (MartColumn column : mart.columns()) {
            assertThat(section.group()).as("column %s in the section of %s", column.name(), mart.folder())
                    .containsPattern("(?<![a-z0-9_])" + Pattern.quote(column.name()) + "(?![a-z0-9_])");
        }
    }

    @ParameterizedTest
    @EnumSource(Mart.class)
    void everyMartsScopeColumnsAreListed(Mart mart) throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        ScopeColumns scope = mart.scope();
        String row = "| " + mart.folder() + " | " + scope.prefecture().orElse("—") + " | "
                + scope.municipality().orElse("—") + " | " + scope.office().orElse("—") + " |";

        assertThat(page).as("the scope table of %s", PAGE).contains(row);
    }
}
