package org.communityledger.client;

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
 * The query service's APIs, as one principal at one base URL ({@link LedgerClients#query}). Each is an
 * interface, so code that uses them can be tested against plain implementations.
 */
public record QueryServiceClient(
        HealthApi health,
        MetricsApi metrics,
        CommunityApi communities,
        RebuildApi rebuild,
        DeadLetterApi deadLetters,
        QuarantineApi quarantine,
        OrganizationApi organizations,
        StatsApi stats,
        StreamApi stream,
        ChangesApi changes) {
}
