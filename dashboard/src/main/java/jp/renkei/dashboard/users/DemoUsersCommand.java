package jp.renkei.dashboard.users;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.renkei.dashboard.security.UsersFile;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.marts.Mart;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code dashboard-users demo}: one user per role over the published marts, so a newcomer can see every scope — the
 * ministry; the prefecture with the most model regions; its municipality with the most applied offices; and that
 * municipality's office with the most delivered files (one that sends effect reports if any does). New random
 * passwords each time, printed and kept owner-only in {@code <home>/config/demo-users.txt}.
 */
@Command(name = "demo", description = "Makes (or renews) one demo user per role, chosen from the published marts, "
        + "and prints their passwords.")
final class DemoUsersCommand implements Callable<Integer> {

    static final String DEMO_PASSWORDS_FILE = "config/demo-users.txt";

    @CommandLine.Mixin
    DashboardUsersCommand.Location location = new DashboardUsersCommand.Location();

    record DemoUser(String name, Viewer viewer) {
    }

    @Override
    public Integer call() throws IOException, SQLException {
        List<DemoUser> users = choose(location.home.resolve("marts"));
        List<UsersFile.Entry> entries = new ArrayList<>();
        StringBuilder table = new StringBuilder("# renkei demo users (made by bin/renkei dashboard-users demo; "
                + "new passwords each run)\n# name\tpassword\trole\n");
        for (DemoUser user : users) {
            String password = DashboardUsersCommand.generatePassword();
            entries.add(new UsersFile.Entry(user.name(), DashboardUsersCommand.ENCODER.encode(password),
                    user.viewer().toString()));
            table.append(user.name()).append('\t').append(password).append('\t').append(user.viewer()).append('\n');
        }
        Path passwords = location.home.resolve(DEMO_PASSWORDS_FILE);
        // The previous demo's users go (the office chosen may differ now); users added by hand stay.
        List<String> previous = Files.exists(passwords) ? Files.readAllLines(passwords, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split("\t")[0]).toList()
                : List.of();
        List<UsersFile.Entry> kept = new ArrayList<>(UsersFile.entriesOrNone(location.file()));
        kept.removeIf(entry -> previous.contains(entry.name()));
        UsersFile.write(location.file(), kept);
        DashboardUsersCommand.put(location.file(), entries);
        Files.deleteIfExists(passwords);
        Files.writeString(passwords, table, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        System.out.print(table);
        return 0;
    }

    static List<DemoUser> choose(Path marts) throws SQLException, IOException {
        List<DemoUser> users = new ArrayList<>(List.of(new DemoUser("ministry", Viewer.ministry())));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            Optional<String> prefecture = first(duckdb, marts, Mart.MODEL_REGION_EFFECT,
                    "SELECT prefecture_code FROM read_parquet(?) GROUP BY prefecture_code "
                            + "ORDER BY count(DISTINCT region_id) DESC, prefecture_code LIMIT 1");
            if (prefecture.isEmpty()) {
                prefecture = first(duckdb, marts, Mart.PREFECTURE_ADOPTION, "SELECT prefecture_code FROM read_parquet(?) "
                        + "ORDER BY month DESC, offices_applied DESC, prefecture_code LIMIT 1");
            }
            if (prefecture.isEmpty()) {
                return users;
            }
            users.add(new DemoUser("pref-" + prefecture.get(), Viewer.prefecture(prefecture.get())));
            Optional<String> municipality = first(duckdb, marts, Mart.MUNICIPAL_ADOPTION,
                    "SELECT municipality_code FROM read_parquet(?) WHERE denominator_scope = 'all_in_scope' "
                            + "AND prefecture_code = ? ORDER BY month DESC, offices_applied DESC, municipality_code "
                            + "LIMIT 1", prefecture.get());
            if (municipality.isPresent()) {
                users.add(new DemoUser("city-" + municipality.get(), Viewer.municipality(municipality.get())));
            }
            // An office that also sends effect reports shows every section of its page, the U-curve included.
            Optional<String> reporting = glob(marts, Mart.IMPROVEMENT_OFFICE);
            String reports = reporting.isPresent()
                    ? "(office_number IN (SELECT office_number FROM read_parquet(?))) DESC, " : "";
            List<String> values = new ArrayList<>(List.of(prefecture.get()));
            values.add(municipality.orElse(null));
            reporting.ifPresent(values::add);
            Optional<String> office = first(duckdb, marts, Mart.OFFICE_SAVINGS,
                    "SELECT office_number FROM read_parquet(?) WHERE prefecture_code = ? ORDER BY month DESC, "
                            + "(municipality_code IS NOT DISTINCT FROM ?) DESC, " + reports
                            + "files_sent + files_received DESC, office_number LIMIT 1", values.toArray(String[]::new));
            if (office.isPresent()) {
                users.add(new DemoUser("office-" + office.get(), Viewer.office(office.get())));
            }
        }
        return users;
    }

    /** The first column of the first row, over the mart's current run; empty when the mart is not published. */
    private static Optional<String> first(Connection duckdb, Path marts, Mart mart, String sql, String... values)
            throws SQLException, IOException {
        Optional<String> glob = glob(marts, mart);
        if (glob.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement statement = duckdb.prepareStatement(sql)) {
            statement.setString(1, glob.get());
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 2, values[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.ofNullable(result.getString(1)) : Optional.empty();
            }
        }
    }

    /** The Parquet files of the mart's current run; empty when the mart is not published. */
    private static Optional<String> glob(Path marts, Mart mart) throws IOException {
        Path current = marts.resolve(mart.folder()).resolve("_CURRENT");
        if (!Files.exists(current)) {
            return Optional.empty();
        }
        return Optional.of(marts.resolve(mart.folder()).resolve("run=" + Files.readString(current).strip())
                .resolve("*.parquet").toString());
    }
}
