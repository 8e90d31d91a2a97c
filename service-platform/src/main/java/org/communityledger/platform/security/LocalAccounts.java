package org.communityledger.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The {@code local} profile's accounts: admin/admin, auditor/auditor, viewer/viewer and metrics/metrics. Their
 * passwords are in the README, so they serve this machine only: they load only when the service listens on a
 * loopback address ({@code server.address}, which {@code ./ledger up} sets to 127.0.0.1). Unset, Tomcat listens on
 * every interface, and anyone on the network could sign in as admin; the service then refuses to start.
 */
final class LocalAccounts {

    static final String ADDRESS_PROPERTY = "server.address";

    private LocalAccounts() {
    }

    static List<UserDetails> forThisMachineOnly(Environment environment, PasswordEncoder encoder) {
        requireLoopback(environment.getProperty(ADDRESS_PROPERTY));
        return List.of(local("admin", LedgerRoles.ADMIN, encoder), local("auditor", LedgerRoles.AUDITOR, encoder),
                local("viewer", LedgerRoles.VIEWER, encoder), local("metrics", LedgerRoles.METRICS, encoder));
    }

    private static void requireLoopback(String address) {
        String where;
        if (address == null || address.isBlank()) {
            where = "not set, so the service would listen on every network interface";
        } else if (!isLoopback(address.strip())) {
            where = "'" + address.strip() + "', which is not a loopback address";
        } else {
            return;
        }
        throw new IllegalStateException("The local accounts (profile 'local': admin/admin, auditor/auditor, "
                + "viewer/viewer, metrics/metrics) are for this machine only, but server.address is " + where
                + ". Listen on loopback (SERVER_ADDRESS=127.0.0.1, as ./ledger up does), or run without the local "
                + "profile and configure accounts (ledger.security.accounts) or a token issuer (ledger.security.jwt).");
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static UserDetails local(String name, String role, PasswordEncoder encoder) {
        return User.withUsername(name).password(encoder.encode(name)).roles(role).build();
    }
}
