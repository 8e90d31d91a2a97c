package org.communityledger.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.communityledger.client.CommandServiceClient;
import org.communityledger.client.Credentials;
import org.communityledger.client.LedgerClients;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.launcher.LocalSystem;

/**
 * What every scenario works with: the running system and its parts, clients of its API, and the check.
 * Each scenario has communities of its own, so that one scenario's traffic never blurs another's figures.
 */
final class Drill {

    /** How long to let the views and the topic catch up before a check counts what is missing as lost. */
    static final Duration SETTLE_WITHIN = Duration.ofMinutes(3);

    private final LocalSystem system;
    private final FaultPlan plan;
    private final StoredEvents store;
    private final TopicRecords topic;
    private final ProjectedViews views;
    private final LedgerCheck check;

    Drill(LocalSystem system, FaultPlan plan) {
        this.system = system;
        this.plan = plan;
        this.store = new StoredEvents(system.settings().jdbcUrl());
        this.topic = new TopicRecords(system.settings().kafkaClientProperties());
        this.views = new ProjectedViews(store);
        this.check = new LedgerCheck(store, topic, views);
    }

    LocalSystem system() {
        return system;
    }

    FaultPlan plan() {
        return plan;
    }

    StoredEvents store() {
        return store;
    }

    TopicRecords topic() {
        return topic;
    }

    ProjectedViews views() {
        return views;
    }

    /** Commands as the local administrator, through the Java client. */
    DrillCommands admin() {
        return new DrillCommands(system.commandUrl(), Duration.ofSeconds(60));
    }

    /** The command service's other APIs (metrics, audit) as the local administrator. */
    CommandServiceClient commandService() {
        return LedgerClients.command(system.commandUrl(), account("admin"));
    }

    /** The query service as one of the local accounts (viewer, auditor, admin). */
    QueryServiceClient queryAs(String account) {
        return LedgerClients.query(system.queryUrl(), account(account));
    }

    /** One query instance (0-based) as one of the local accounts, in a cluster. */
    QueryServiceClient queryAs(String account, int instance) {
        return LedgerClients.query(system.queryUrls().get(instance), account(account));
    }

    /** A local account: its password is its name. */
    static Credentials account(String name) {
        return Credentials.basic(name, name);
    }

    /** A run-unique prefix for a scenario's keys, organisations and community names. */
    static String tag(Scenario scenario) {
        return "s" + scenario.number() + "x" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    }

    List<String> communities(String tag, int count) throws Exception {
        DrillCommands admin = admin();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(admin.establish("Fault drill " + tag + " " + i));
        }
        return ids;
    }

    /** A load spread over every command instance, failing over between them. */
    RecordingLoad load(String tag, List<String> communities) {
        return new RecordingLoad(system.commandUrls(), communities, tag, plan.clients(), plan.pause());
    }

    /** A probe through given instances: in a cluster, those the fault left running. */
    Probe probe(String tag, String commandUrl, String queryUrl) {
        return new Probe(commandUrl, queryUrl, tag);
    }

    /** The check itself, for its self-test. */
    LedgerCheck ledgerCheck() {
        return check;
    }

    /** Waits for the system to settle, checks it, and compares its views with a fresh rebuild. */
    Tally verify(Collection<String> communities, Collection<RecordingLoad.Ack> acks) throws Exception {
        Tally settled = check.settle(communities, acks, SETTLE_WITHIN);
        if (!settled.clean()) {
            return settled;
        }
        List<String> differences = check.equalsRebuild(communities, queryAs("admin").rebuild());
        if (differences.isEmpty()) {
            return settled;
        }
        List<String> findings = new ArrayList<>(settled.findings());
        findings.addAll(differences);
        return new Tally(settled.acked(), settled.stored(), settled.projected(), settled.lost(), settled.appliedTwice(),
                settled.topicRepeats(), findings);
    }

    /** Acknowledgements of the load and of a probe together. */
    static List<RecordingLoad.Ack> acks(RecordingLoad load, Probe.Recovery recovery) {
        List<RecordingLoad.Ack> acks = new ArrayList<>(load.acks().values());
        if (recovery != null) {
            acks.add(recovery.ack());
        }
        return acks;
    }
}
