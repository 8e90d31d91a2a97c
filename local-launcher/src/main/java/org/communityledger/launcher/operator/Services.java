package org.communityledger.launcher.operator;

import org.communityledger.client.CommandServiceClient;
import org.communityledger.client.LedgerClients;
import org.communityledger.client.QueryServiceClient;

/**
 * The clients a command may use, each speaking as the principal its calls need (see
 * {@link ConnectionSettings}). Making them connects to nothing.
 */
public record Services(
        String commandUrl,
        String queryUrl,
        QueryServiceClient queryAsAdmin,
        CommandServiceClient commandAsAdmin,
        QueryServiceClient queryAsAuditor,
        CommandServiceClient commandAsAuditor) {

    public static Services connect(ConnectionSettings settings) {
        return new Services(settings.commandUrl(), settings.queryUrl(),
                LedgerClients.query(settings.queryUrl(), settings.admin()),
                LedgerClients.command(settings.commandUrl(), settings.admin()),
                LedgerClients.query(settings.queryUrl(), settings.auditor()),
                LedgerClients.command(settings.commandUrl(), settings.auditor()));
    }
}
