package jp.renkei.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {

    @TempDir
    Path home;

    @Test
    void readsWhatItWroteOwnerOnly() throws Exception {
        Path file = home.resolve(UsersFile.RELATIVE_PATH);
        UsersFile.write(file, List.of(new UsersFile.Entry("tottori", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", "prefecture:31")));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        List<DashboardUser> users = UsersFile.read(file);
        assertThat(users).singleElement().satisfies(user -> {
            assertThat(user.getUsername()).isEqualTo("tottori");
            assertThat(user.viewer()).isEqualTo(Viewer.prefecture("31"));
        });
    }

    @Test
    void aMissingFileSaysHowToMakeOne() {
        assertRefused(home.resolve("none.json"), "DASH-USERS-001", "dashboard-users add");
    }

    @Test
    void aFileOthersCanReadIsRefused() throws Exception {
        Path file = write("{\"users\":[{\"name\":\"a\",\"password\":\"{bcrypt}$2a$10$abcdefgh\",\"role\":\"ministry\"}]}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertRefused(file, "DASH-USERS-003", "chmod 600");
    }

    @Test
    void aClearPasswordABadRoleADuplicateOrBadJsonIsRefusedNamingTheEntry() throws Exception {
        assertRefused(write("{\"users\":[{\"name\":\"a\",\"password\":\"secret\",\"role\":\"ministry\"}]}"),
                "DASH-USERS-002", "users[0]", "{bcrypt}");
        assertRefused(write("{\"users\":[{\"name\":\"a\",\"password\":\"{bcrypt}$2a$10$abcdefgh\",\"role\":\"admin\"}]}"),
                "DASH-USERS-002", "users[0] (a)", "municipality:NNNNNN");
        assertRefused(write("{\"users\":[{\"name\":\"a\",\"password\":\"{bcrypt}$2a$10$abcdefgh\",\"role\":\"ministry\"},"
                + "{\"name\":\"a\",\"password\":\"{bcrypt}$2a$10$abcdefgh\",\"role\":\"ministry\"}]}"),
                "DASH-USERS-002", "users[1]", "重複");
        assertRefused(write("{\"users\": ["), "DASH-USERS-002", "JSON");
        assertRefused(write("{\"users\": []}"), "DASH-USERS-002", "1人も");
    }

    private Path write(String content) throws Exception {
        Path file = home.resolve("users.json");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
        return file;
    }

    private static void assertRefused(Path file, String code, String... mentions) {
        assertThatThrownBy(() -> UsersFile.read(file)).isInstanceOfSatisfying(UsersFile.UsersFileException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(mentions);
                });
    }
}
