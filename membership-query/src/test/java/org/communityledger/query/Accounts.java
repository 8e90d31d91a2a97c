package org.communityledger.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The local profile's accounts, as HTTP Basic headers for tests; each password is the account's name. */
final class Accounts {

    private Accounts() {
    }

    static String basic(String account) {
        return "Basic " + Base64.getEncoder().encodeToString((account + ":" + account).getBytes(StandardCharsets.UTF_8));
    }
}
