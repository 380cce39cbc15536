package jp.renkei.relay.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import jp.renkei.relay.pki.OfficeCredentials;
import jp.renkei.relay.pki.PkiLayout;

/**
 * Where the agent finds the credentials (key, client certificate, CA certificate) of the office it acts for: one
 * agent folder for every office ({@link #only}), or {@code <home>/agents/<office>/} per office ({@link #inHome}), as
 * an installation that sends for several offices (the demo) keeps them.
 */
@FunctionalInterface
public interface AgentCredentials {

    /** The credentials of {@code office}; {@link MissingCredentialsException} when there are none at all. */
    OfficeCredentials of(String office) throws IOException;

    /** The same credentials whatever the office: files of other sender offices are then refused by the agent. */
    static AgentCredentials only(OfficeCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return office -> credentials;
    }

    /** Each office's own folder {@link PkiLayout#agentFolder}{@code (renkeiHome, office)}. */
    static AgentCredentials inHome(Path renkeiHome) {
        return office -> {
            Path folder = PkiLayout.agentFolder(renkeiHome, office);
            if (!Files.exists(folder.resolve(OfficeCredentials.CERTIFICATE_FILE))
                    && !Files.exists(folder.resolve(OfficeCredentials.KEY_FILE))) {
                throw new MissingCredentialsException(office, folder);
            }
            return OfficeCredentials.load(folder);
        };
    }

    /** An office has no credentials in the expected folder (neither key nor certificate). */
    final class MissingCredentialsException extends IOException {
        private final String office;

        public MissingCredentialsException(String office, Path folder) {
            super("office " + office + " has no credentials in " + folder + ": issue them with `renkei-relay ca issue "
                    + "--office " + office + "` (it writes " + OfficeCredentials.KEY_FILE + ", "
                    + OfficeCredentials.CERTIFICATE_FILE + " and " + OfficeCredentials.CA_CERTIFICATE_FILE + " there)");
            this.office = office;
        }

        public String office() {
            return office;
        }
    }
}
