package jp.renkei.relay.routing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.ingest.application.Application;
import jp.renkei.ingest.application.ApplicationRoster;
import jp.renkei.ingest.finding.InputRejectedException;

/** The offices the relay delivers to: those holding a license in the roster. */
public final class OfficeRegistry {
    private final Set<String> registered;

    public OfficeRegistry(Set<String> registered) {
        this.registered = Set.copyOf(registered);
    }

    public static OfficeRegistry fromRoster(Path roster) throws IOException, InputRejectedException {
        try (Reader reader = Files.newBufferedReader(roster, StandardCharsets.UTF_8)) {
            return new OfficeRegistry(ApplicationRoster.read(roster.getFileName().toString(), reader).stream()
                    .map(Application::officeNumber).collect(Collectors.toSet()));
        }
    }

    public boolean isRegistered(String officeNumber) {
        return registered.contains(officeNumber);
    }

    public int size() {
        return registered.size();
    }
}
