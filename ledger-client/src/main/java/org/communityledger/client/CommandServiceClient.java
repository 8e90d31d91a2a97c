package org.communityledger.client;

import org.communityledger.client.audit.AuditApi;
import org.communityledger.client.audit.ExportApi;
import org.communityledger.client.audit.HistoryApi;
import org.communityledger.client.audit.ProofApi;
import org.communityledger.client.command.CommandApi;
import org.communityledger.client.health.HealthApi;
import org.communityledger.client.metrics.MetricsApi;

/**
 * The command service's APIs, as one principal at one base URL ({@link LedgerClients#command}). Each is an
 * interface, so code that uses them can be tested against plain implementations.
 */
public record CommandServiceClient(
        HealthApi health,
        MetricsApi metrics,
        AuditApi audit,
        HistoryApi history,
        ExportApi export,
        CommandApi commands,
        ProofApi proofs) {
}
