package jp.renkei.dashboard.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jp.renkei.dashboard.security.UsersFile;
import jp.renkei.dashboard.security.Viewer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/renkei dashboard-users}: keeps the dashboard's users file (accounts with bcrypt hashes and roles). The
 * dashboard picks changes up without a restart.
 */
@Command(name = "renkei-dashboard-users", mixinStandardHelpOptions = true, version = "renkei 0.1.0",
        description = "Adds, removes and lists the dashboard's users; makes the demo's users.",
        subcommands = {DashboardUsersCommand.Add.class, DashboardUsersCommand.Remove.class,
                DashboardUsersCommand.ListUsers.class, DemoUsersCommand.class})
public final class DashboardUsersCommand implements Callable<Integer> {

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_PASSWORD_LENGTH = 16;
    private static final int MINIMUM_PASSWORD_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    public static void main(String[] arguments) {
        System.exit(new CommandLine(new DashboardUsersCommand()).execute(arguments));
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return 2;
    }

    /** Where the users file is: {@code --users-file}, else {@code <home>/config/dashboard-users.json}. */
    static final class Location {
        @Option(names = "--home", description = "renkei home (default: $RENKEI_HOME, else ./.renkei)")
        Path home = Path.of(System.getenv().getOrDefault("RENKEI_HOME", "./.renkei"));

        @Option(names = "--users-file", description = "the users file (default: <home>/" + UsersFile.RELATIVE_PATH + ")")
        Path usersFile;

        Path file() {
            return usersFile != null ? usersFile : home.resolve(UsersFile.RELATIVE_PATH);
        }
    }

    @Command(name = "add", description = "Adds a user, or sets the password and role of an existing one. Without "
            + "--password-stdin a random password is made and printed once.")
    static final class Add implements Callable<Integer> {
        @CommandLine.Mixin
        Location location = new Location();

        @Option(names = "--name", required = true, description = "the log-in name (letters, digits, . _ @ -)")
        String name;

        @Option(names = "--role", required = true, description = Viewer.FORMS)
        String role;

        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordFromStandardInput;

        @Override
        public Integer call() throws IOException {
            if (Viewer.parse(role).isEmpty()) {
                System.err.println("DASH-USERS-002 role '" + role + "' is not one of: " + Viewer.FORMS);
                return 2;
            }
            String password = passwordFromStandardInput ? firstLineOfStandardInput() : generatePassword();
            if (password.length() < MINIMUM_PASSWORD_LENGTH) {
                System.err.println("DASH-USERS-004 the password needs at least " + MINIMUM_PASSWORD_LENGTH + " characters");
                return 2;
            }
            put(location.file(), List.of(new UsersFile.Entry(name, ENCODER.encode(password), role)));
            System.out.println(passwordFromStandardInput ? name + "\t" + role
                    : name + "\t" + password + "\t" + role + "\t(the password is shown only now)");
            return 0;
        }
    }

    @Command(name = "remove", description = "Removes a user.")
    static final class Remove implements Callable<Integer> {
        @CommandLine.Mixin
        Location location = new Location();

        @Option(names = "--name", required = true)
        String name;

        @Override
        public Integer call() throws IOException {
            List<UsersFile.Entry> entries = new ArrayList<>(UsersFile.entriesOrNone(location.file()));
            if (!entries.removeIf(entry -> name.equals(entry.name()))) {
                System.err.println("DASH-USERS-005 no user " + name + " in " + location.file());
                return 1;
            }
            UsersFile.write(location.file(), entries);
            return 0;
        }
    }

    @Command(name = "list", description = "Lists the users and their roles (never a password).")
    static final class ListUsers implements Callable<Integer> {
        @CommandLine.Mixin
        Location location = new Location();

        @Override
        public Integer call() {
            UsersFile.entriesOrNone(location.file()).forEach(entry -> System.out.println(entry.name() + "\t" + entry.role()));
            return 0;
        }
    }

    /** Adds or replaces (by name) the given entries, keeping every other user. */
    static void put(Path file, List<UsersFile.Entry> added) throws IOException {
        List<UsersFile.Entry> entries = new ArrayList<>(UsersFile.entriesOrNone(file));
        for (UsersFile.Entry entry : added) {
            entries.removeIf(existing -> entry.name().equals(existing.name()));
            entries.add(entry);
        }
        UsersFile.write(file, entries);
    }

    static String generatePassword() {
        StringBuilder password = new StringBuilder(GENERATED_PASSWORD_LENGTH);
        for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private static String firstLineOfStandardInput() throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line.strip();
    }
}
