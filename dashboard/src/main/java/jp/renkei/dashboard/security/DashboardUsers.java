package jp.renkei.dashboard.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.renkei.dashboard.system.DashboardProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The accounts of the users file, read at start (a missing or malformed file stops the start with its DASH-USERS code)
 * and read again when the file changes, so an added user can sign in without a restart. A file that turns bad while
 * running keeps the accounts read before and logs why.
 */
@Component
class DashboardUsers implements UserDetailsService {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardUsers.class);

    private final Path file;
    private final LoginThrottle throttle;
    private volatile Loaded loaded;

    private record Loaded(FileTime modified, Map<String, DashboardUser> byName) {
    }

    DashboardUsers(DashboardProperties properties, LoginThrottle throttle) throws IOException {
        this.file = properties.usersFile().toAbsolutePath().normalize();
        this.throttle = throttle;
        this.loaded = load();
        LOG.info("{} dashboard users from {}", loaded.byName().size(), file);
    }

    @Override
    public DashboardUser loadUserByUsername(String name) {
        DashboardUser user = current().byName().get(name);
        if (user == null) {
            throw new UsernameNotFoundException("no dashboard user " + name);
        }
        return throttle.locked(name) ? user.lockedCopy() : user.copy();
    }

    private Loaded current() {
        Loaded known = loaded;
        try {
            if (!Files.getLastModifiedTime(file).equals(known.modified())) {
                loaded = load();
                LOG.info("users file changed: {} dashboard users from {}", loaded.byName().size(), file);
            }
        } catch (IOException | UsersFile.UsersFileException unusable) {
            LOG.warn("{} is unusable, keeping the {} users read before: {}", file, known.byName().size(),
                    unusable.getMessage());
        }
        return loaded;
    }

    private Loaded load() throws IOException {
        FileTime modified = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        List<DashboardUser> users = UsersFile.read(file);
        return new Loaded(modified, users.stream()
                .collect(Collectors.toUnmodifiableMap(DashboardUser::getUsername, Function.identity())));
    }
}
