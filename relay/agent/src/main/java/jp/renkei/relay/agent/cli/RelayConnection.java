package jp.renkei.relay.agent.cli;

import java.net.URI;
import java.nio.file.Path;
import jp.renkei.relay.pki.PkiLayout;
import picocli.CommandLine.Option;

/** {@code --relay} and {@code --relay-certificate}: where the agent's relay is and which certificate it must show. */
final class RelayConnection {
    @Option(names = "--relay", required = true, description = "Relay address, e.g. https://127.0.0.1:8443")
    private URI address;

    @Option(names = "--relay-certificate", description = "The relay's certificate (default: <home>/relay/tls/relay-cert.pem).")
    private Path certificate;

    URI address() {
        return address;
    }

    Path certificate(Path home) {
        return certificate != null ? certificate : PkiLayout.relayCertificate(PkiLayout.defaultRelayHome(home));
    }
}
