package org.communityledger.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient the client is.
 *
 * @param connectTimeout  how long to wait for a connection: past it the service counts as unreachable
 * @param responseTimeout how long one call may take, answer read included, before the service counts as
 *                        unreachable. Downloads ({@link org.communityledger.client.audit.ExportApi}) are not
 *                        bounded by it: they last as long as the ledger is long.
 */
public record ClientSettings(Duration connectTimeout, Duration responseTimeout) {

    public ClientSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
    }

    /**
     * 5 s to connect (a local or LAN service answers far sooner); 60 s per call, which a chain check of the
     * longest community or a digest check of the whole ledger stays well within.
     */
    public static ClientSettings defaults() {
        return new ClientSettings(Duration.ofSeconds(5), Duration.ofSeconds(60));
    }
}
