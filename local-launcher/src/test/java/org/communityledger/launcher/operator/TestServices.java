package org.communityledger.launcher.operator;

import org.communityledger.client.CommandServiceClient;
import org.communityledger.client.QueryServiceClient;

/** Services made of the test's own implementations of the client's interfaces; one client serves both roles. */
public final class TestServices {

    public static final String COMMAND_URL = "http://127.0.0.1:8080";
    public static final String QUERY_URL = "http://127.0.0.1:8081";

    private TestServices() {
    }

    public static Services of(QueryServiceClient query, CommandServiceClient command) {
        return new Services(COMMAND_URL, QUERY_URL, query, command, query, command);
    }
}
