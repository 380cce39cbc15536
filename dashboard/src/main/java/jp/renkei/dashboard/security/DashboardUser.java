package jp.renkei.dashboard.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in account of the users file: Spring Security's user plus the {@link Viewer} its role grants. */
public final class DashboardUser extends User implements SignedInAccount {

    private final Viewer viewer;

    DashboardUser(String name, String passwordHash, Viewer viewer) {
        this(name, passwordHash, viewer, true);
    }

    private DashboardUser(String name, String passwordHash, Viewer viewer, boolean accountNonLocked) {
        super(name, passwordHash, true, true, true, accountNonLocked,
                List.of(new SimpleGrantedAuthority("ROLE_" + viewer.role().name())));
        this.viewer = viewer;
    }

    @Override
    public Viewer viewer() {
        return viewer;
    }

    /** A fresh copy: Spring Security erases the password of the instance it authenticated. */
    DashboardUser copy() {
        return new DashboardUser(getUsername(), getPassword(), viewer);
    }

    /** A copy Spring Security refuses before checking the password ({@link LoginThrottle}). */
    DashboardUser lockedCopy() {
        return new DashboardUser(getUsername(), getPassword(), viewer, false);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DashboardUser user && super.equals(user) && viewer.equals(user.viewer);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
