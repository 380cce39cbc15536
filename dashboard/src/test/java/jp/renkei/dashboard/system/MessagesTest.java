package jp.renkei.dashboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.renkei.dashboard.cardcheck.CardCheckTotals;
import jp.renkei.dashboard.definitions.Indicators;
import jp.renkei.dashboard.mart.DenominatorScope;
import jp.renkei.dashboard.security.Viewer;
import org.junit.jupiter.api.Test;

/** Every message key a template uses exists in messages.properties (read as UTF-8), and the text is Japanese. */
class MessagesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** {@code #{key}} and {@code #{key(args)}}; keys built from expressions ({@code #{${...}}}) are checked below. */
    private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
    private static final Pattern DYNAMIC_KEY = Pattern.compile("#\\{\\$\\{'([A-Za-z0-9_.]+)'");

    @Test
    void everyStaticKeyInTheTemplatesIsDefined() throws IOException {
        Properties messages = messages();
        Set<String> used = new TreeSet<>();
        for (String template : templates()) {
            Matcher m = STATIC_KEY.matcher(template);
            while (m.find()) {
                used.add(m.group(1));
            }
        }

        assertThat(used).hasSizeGreaterThan(30);
        assertThat(used).allSatisfy(key -> assertThat(messages).as("messages.properties").containsKey(key));
    }

    @Test
    void everyFamilyOfComputedKeysIsComplete() throws IOException {
        Properties messages = messages();
        Set<String> families = new TreeSet<>();
        for (String template : templates()) {
            Matcher m = DYNAMIC_KEY.matcher(template);
            while (m.find()) {
                families.add(m.group(1));
            }
        }
        List<String> expected = new ArrayList<>();
        for (DenominatorScope scope : DenominatorScope.values()) {
            expected.add("scope." + scope.code());
            expected.add("scope." + scope.code() + ".meaning");
        }
        for (String size : List.of("S", "M", "L", "XL", "NONE")) {
            expected.add("size_class." + size);
        }
        for (Viewer.Role role : Viewer.Role.values()) {
            expected.add("viewer.role." + role.prefix());
        }

        for (String reason : List.of("role", "none", "unpublished")) {
            expected.add("office.agreement.unavailable." + reason);
        }

        for (String reason : List.of("role", "unpublished", "not_asked")) {
            expected.add("effects.agreement.unavailable." + reason);
        }

        for (String reason : List.of("role", "unpublished")) {
            expected.add("invitations.unavailable." + reason);
        }

        // every failure reason of the mart's contract, so a reason added there fails here until it has a label
        for (String reason : CardCheckTotals.REASONS) {
            expected.add("cardcheck.reason." + reason);
        }

        for (String indicator : Indicators.TABULATED) {
            for (String part : List.of("name", "numerator", "denominator", "source", "reference")) {
                expected.add("definitions." + indicator + "." + part);
            }
        }
        for (String indicator : Indicators.BEYOND_ADOPTION) {
            expected.add("definitions." + indicator + ".name");
            expected.add("definitions." + indicator + ".body");
        }

        assertThat(families).containsExactlyInAnyOrder("scope.", "size_class.", "viewer.role.",
                "office.agreement.unavailable.", "effects.agreement.unavailable.", "invitations.unavailable.",
                "cardcheck.reason.", "definitions.");
        assertThat(expected).allSatisfy(key -> assertThat(messages).containsKey(key));
    }

    @Test
    void messagesAreReadAsUtf8Japanese() throws IOException {
        assertThat(messages().getProperty("ranking.title")).isEqualTo("市区町村別 ケアプランデータ連携 申請率ランキング");
    }

    private static Properties messages() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/messages.properties");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<String> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
            assertThat(texts).isNotEmpty();
            return texts;
        }
    }
}
