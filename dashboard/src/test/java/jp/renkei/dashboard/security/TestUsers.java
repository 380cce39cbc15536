package jp.renkei.dashboard.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import java.util.List;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A users file with one account per role, for the web slices; each password is the name + {@value #SUFFIX}. */
public final class TestUsers {

    public static final String SUFFIX = "-password";
    public static final List<List<String>> ACCOUNTS = List.of(List.of("analyst", "ministry"),
            List.of("tottori", "prefecture:31"), List.of("yonago", "municipality:312029"),
            List.of("office", "office:3110000001"));

    private static final Path SHARED_FILE = sharedFile();

    private TestUsers() {
    }

    /**
     * Points {@code renkei.users-file} of a web slice at one users file shared by the test JVM (written once, deleted
     * at exit), so every slice starts as the app does: with accounts, never with a default role.
     */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addLast(new MapPropertySource("renkeiTestUsers",
                    Map.of("renkei.users-file", SHARED_FILE.toString())));
        }
    }

    private static Path sharedFile() {
        try {
            Path home = Files.createTempDirectory("renkei-test-users-");
            writeInto(home);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.deleteIfExists(home.resolve(UsersFile.RELATIVE_PATH));
                    Files.deleteIfExists(home.resolve(UsersFile.RELATIVE_PATH).getParent());
                    Files.deleteIfExists(home);
                } catch (IOException ignored) {
                    // a temp folder left behind is harmless
                }
            }));
            return home.resolve(UsersFile.RELATIVE_PATH);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Writes {@code <home>/config/dashboard-users.json}, owner-only, as {@code bin/renkei dashboard-users} would. */
    public static void writeInto(Path home) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        try {
            UsersFile.write(home.resolve(UsersFile.RELATIVE_PATH), ACCOUNTS.stream()
                    .map(account -> new UsersFile.Entry(account.get(0), encoder.encode(account.get(0) + SUFFIX),
                            account.get(1)))
                    .toList());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
