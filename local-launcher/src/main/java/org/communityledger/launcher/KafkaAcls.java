package org.communityledger.launcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.communityledger.events.wire.WireFormat;

/**
 * What each service's Kafka account may do in a local cluster; anything not granted is refused, as the nodes
 * run with {@code allow.everyone.if.no.acl.found=false}. The rule that matters: only the command service may write
 * the events topic, so a record produced by anyone else (the query service included) never reaches it. The same
 * grants are made for docker compose by {@code ops/kafka/create-ledger-acls.sh}.
 *
 * <ul>
 *   <li>both services may create, describe and check the configuration of both topics (whichever starts first
 *       creates them with the configured layout; both check it);</li>
 *   <li>the command service may write the events topic;</li>
 *   <li>the query service may read the events topic, read and write the dead-letter topic, and use the consumer
 *       groups it names ({@code membership-query…}, {@code projection-rebuild…}).</li>
 * </ul>
 */
final class KafkaAcls {

    static final String EVENTS_TOPIC = WireFormat.TOPIC;
    static final String DEAD_LETTER_TOPIC = WireFormat.DEAD_LETTER_TOPIC;
    private static final List<String> QUERY_GROUP_PREFIXES = List.of("membership-query", "projection-rebuild");

    private KafkaAcls() {
    }

    /** The grants, for these two accounts. */
    static List<AclBinding> grants() {
        List<AclBinding> grants = new ArrayList<>();
        for (String service : List.of(KafkaAccounts.COMMAND_SERVICE, KafkaAccounts.QUERY_SERVICE)) {
            for (String topic : List.of(EVENTS_TOPIC, DEAD_LETTER_TOPIC)) {
                grant(grants, service, ResourceType.TOPIC, topic, PatternType.LITERAL,
                        AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS);
            }
        }
        grant(grants, KafkaAccounts.COMMAND_SERVICE, ResourceType.TOPIC, EVENTS_TOPIC, PatternType.LITERAL,
                AclOperation.WRITE);
        grant(grants, KafkaAccounts.QUERY_SERVICE, ResourceType.TOPIC, EVENTS_TOPIC, PatternType.LITERAL,
                AclOperation.READ);
        grant(grants, KafkaAccounts.QUERY_SERVICE, ResourceType.TOPIC, DEAD_LETTER_TOPIC, PatternType.LITERAL,
                AclOperation.READ, AclOperation.WRITE);
        for (String prefix : QUERY_GROUP_PREFIXES) {
            grant(grants, KafkaAccounts.QUERY_SERVICE, ResourceType.GROUP, prefix, PatternType.PREFIXED,
                    AclOperation.READ, AclOperation.DESCRIBE);
        }
        return grants;
    }

    /** Grants them on the running cluster, signed in as the operator; granting again changes nothing. */
    static void grant(LaunchSettings settings) {
        Map<String, Object> properties = new HashMap<>(settings.kafkaClientProperties());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        try (Admin admin = Admin.create(properties)) {
            admin.createAcls(grants()).all().get(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while granting the Kafka ACLs", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new LaunchException("cannot grant the Kafka ACLs: " + e.getMessage(), e);
        }
    }

    private static void grant(List<AclBinding> grants, String account, ResourceType type, String name,
                              PatternType pattern, AclOperation... operations) {
        for (AclOperation operation : operations) {
            grants.add(new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry("User:" + account, "*", operation, AclPermissionType.ALLOW)));
        }
    }
}
