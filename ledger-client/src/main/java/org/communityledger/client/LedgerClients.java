package org.communityledger.client;

import java.net.URI;
import org.communityledger.client.audit.AuditApi;
import org.communityledger.client.audit.ExportApi;
import org.communityledger.client.audit.HistoryApi;
import org.communityledger.client.audit.ProofApi;
import org.communityledger.client.command.CommandApi;
import org.communityledger.client.community.CommunityApi;
import org.communityledger.client.deadletter.DeadLetterApi;
import org.communityledger.client.health.HealthApi;
import org.communityledger.client.metrics.MetricsApi;
import org.communityledger.client.organization.OrganizationApi;
import org.communityledger.client.quarantine.QuarantineApi;
import org.communityledger.client.rebuild.RebuildApi;
import org.communityledger.client.stats.StatsApi;
import org.communityledger.client.stream.ChangesApi;
import org.communityledger.client.stream.StreamApi;

/**
 * Where clients of the ledger's API come from:
 *
 * <pre>{@code
 * QueryServiceClient query = LedgerClients.query("http://127.0.0.1:8081", Credentials.basic("admin", "admin"));
 * RebuildStatus status = query.rebuild().status();
 * }</pre>
 *
 * Every call either answers the service's answer as records, or throws a {@link LedgerClientException}: a
 * {@link LedgerProblemException} with the service's problem body, or a {@link LedgerUnreachableException}.
 * Clients are thread-safe and cheap to keep; making one opens no connection.
 */
public final class LedgerClients {

    private LedgerClients() {
    }

    public static QueryServiceClient query(String baseUrl, Credentials credentials) {
        return query(baseUrl, credentials, ClientSettings.defaults());
    }

    public static QueryServiceClient query(String baseUrl, Credentials credentials, ClientSettings settings) {
        ServiceConnection service = new ServiceConnection(normalized(baseUrl), credentials, settings);
        return new QueryServiceClient(service.healthApi(HealthApi.class), service.api(MetricsApi.class),
                service.api(CommunityApi.class), service.api(RebuildApi.class), service.api(DeadLetterApi.class),
                service.api(QuarantineApi.class), service.api(OrganizationApi.class), service.api(StatsApi.class),
                service.downloadApi(StreamApi.class), service.api(ChangesApi.class));
    }

    public static CommandServiceClient command(String baseUrl, Credentials credentials) {
        return command(baseUrl, credentials, ClientSettings.defaults());
    }

    public static CommandServiceClient command(String baseUrl, Credentials credentials, ClientSettings settings) {
        ServiceConnection service = new ServiceConnection(normalized(baseUrl), credentials, settings);
        return new CommandServiceClient(service.healthApi(HealthApi.class), service.api(MetricsApi.class),
                service.api(AuditApi.class), service.api(HistoryApi.class), service.downloadApi(ExportApi.class),
                service.api(CommandApi.class), service.api(ProofApi.class));
    }

    /**
     * An absolute http(s) URL without a trailing slash: the paths all start with one, and the services refuse
     * a doubled slash (Spring Security's firewall).
     */
    static String normalized(String baseUrl) {
        String trimmed = baseUrl.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + baseUrl, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL with a host: " + baseUrl);
        }
        return trimmed;
    }
}
