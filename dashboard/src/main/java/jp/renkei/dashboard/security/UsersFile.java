package jp.renkei.dashboard.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's accounts: {@code <home>/config/dashboard-users.json}, owner-only, holding for each user a name, a
 * password hash in Spring Security's {@code {id}hash} form (bcrypt by {@code bin/renkei dashboard-users}) and a role
 * ({@value Viewer#FORMS}). Never a clear password. Errors carry DASH-USERS-00x and say what to fix.
 */
public final class UsersFile {

    public static final String RELATIVE_PATH = "config/dashboard-users.json";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern HASH = Pattern.compile("\\{[a-z0-9]+}\\S{8,}");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** One account as written in the file. */
    public record Entry(@JsonProperty("name") String name, @JsonProperty("password") String passwordHash,
            @JsonProperty("role") String role) {
    }

    record Document(@JsonProperty("users") List<Entry> users) {
    }

    private UsersFile() {
    }

    /** Reads and checks every entry; DASH-USERS-001 when missing, -002 when malformed, -003 when others may read it. */
    public static List<DashboardUser> read(Path file) {
        List<Entry> entries = entries(file);
        if (entries.isEmpty()) {
            throw new UsersFileException("DASH-USERS-002", file + " にユーザーが1人もいません。"
                    + "bin/renkei dashboard-users add で追加してください。");
        }
        List<DashboardUser> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String where = file + " の users[" + i + "]";
            if (entry == null || entry.name() == null || !NAME.matcher(entry.name()).matches()) {
                throw new UsersFileException("DASH-USERS-002", where + ": name は英数字と . _ @ - の64文字以内です。");
            }
            if (!names.add(entry.name())) {
                throw new UsersFileException("DASH-USERS-002", where + ": name " + entry.name() + " が重複しています。");
            }
            if (entry.passwordHash() == null || !HASH.matcher(entry.passwordHash()).matches()) {
                throw new UsersFileException("DASH-USERS-002", where + " (" + entry.name()
                        + "): password は {bcrypt}… 形式のハッシュです（平文は書けません）。bin/renkei dashboard-users add で設定してください。");
            }
            Viewer viewer = Viewer.parse(entry.role()).orElseThrow(() -> new UsersFileException("DASH-USERS-002",
                    where + " (" + entry.name() + "): role は " + Viewer.FORMS + " のいずれかです。"));
            users.add(new DashboardUser(entry.name(), entry.passwordHash(), viewer));
        }
        return users;
    }

    /** The entries as they stand (none when the file does not exist yet), for the users command to edit. */
    public static List<Entry> entriesOrNone(Path file) {
        return Files.exists(file) ? entries(file) : List.of();
    }

    /** Writes the entries owner-only (0600), replacing the file atomically; the folder is created owner-only. */
    public static void write(Path file, List<Entry> entries) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path temporary = Files.createTempFile(folder, ".dashboard-users", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(temporary, JSON.writeValueAsBytes(new Document(List.copyOf(entries))));
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException notAtomic) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static List<Entry> entries(Path file) {
        byte[] content;
        try {
            refuseSharedFile(file);
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            throw new UsersFileException("DASH-USERS-001", "ユーザーファイル " + file + " がありません。"
                    + "bin/renkei dashboard-users add --home <home> --name <名前> --role <ロール> で作るか、"
                    + "bin/renkei demo でデモ用ユーザーを作ってください。");
        } catch (IOException unreadable) {
            throw new UsersFileException("DASH-USERS-001", "ユーザーファイル " + file + " を読めません: " + unreadable.getMessage());
        }
        try {
            Document document = JSON.readValue(new String(content, StandardCharsets.UTF_8), Document.class);
            return document == null || document.users() == null ? List.of() : document.users();
        } catch (JacksonException malformed) {
            throw new UsersFileException("DASH-USERS-002", file + " は {\"users\": [{\"name\", \"password\", \"role\"}, …]} の"
                    + " JSON ではありません: " + malformed.getOriginalMessage());
        }
    }

    private static void refuseSharedFile(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        Set<PosixFilePermission> shared = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
        if (permissions.stream().anyMatch(shared::contains)) {
            throw new UsersFileException("DASH-USERS-003", "ユーザーファイル " + file + " を所有者以外も読み書きできます（"
                    + PosixFilePermissions.toString(permissions) + "）。chmod 600 " + file + " としてから起動してください。");
        }
    }

    /** A users file that cannot be used; the message says which file, which entry and what to do. */
    public static final class UsersFileException extends RuntimeException {
        private final String code;

        UsersFileException(String code, String message) {
            super(code + " " + message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
