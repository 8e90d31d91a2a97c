package org.communityledger.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.communityledger.client.Credentials;
import org.communityledger.client.LedgerClients;
import org.communityledger.client.QueryServiceClient;

/**
 * The local profile's accounts, as HTTP Basic headers or Java clients for tests; each password is the account's
 * name.
 */
final class Accounts {

    private Accounts() {
    }

    static String basic(String account) {
        return "Basic " + Base64.getEncoder().encodeToString((account + ":" + account).getBytes(StandardCharsets.UTF_8));
    }

    /** The query service at {@code port} on this machine, spoken to as the account through the Java client. */
    static QueryServiceClient query(int port, String account) {
        return LedgerClients.query("http://127.0.0.1:" + port, Credentials.basic(account, account));
    }
}
