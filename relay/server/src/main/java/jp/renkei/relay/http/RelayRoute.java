package jp.renkei.relay.http;

import java.io.IOException;

/** One endpoint of the relay: reads the request and gives exactly one answer through the exchange. */
@FunctionalInterface
public interface RelayRoute {
    void handle(RelayExchange exchange) throws IOException;
}
