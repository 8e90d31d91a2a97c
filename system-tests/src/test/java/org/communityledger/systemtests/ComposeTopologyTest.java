package org.communityledger.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose files describe the topology docs/deploy.md promises: read as compose reads them (merge keys resolved),
 * every file they mount exists, the accounts Prometheus needs are there, each service connects to PostgreSQL as its
 * own role, and the cluster file has three replicating Kafka nodes, two instances of each service in the cluster
 * profile behind a proxy each, and Prometheus watching all four.
 */
class ComposeTopologyTest {

    private static final Path HOME = Path.of(System.getProperty("ledger.root", "..")).toAbsolutePath().normalize();

    @Test
    void the_single_instance_stack_mounts_what_exists_and_lets_prometheus_scrape_as_metrics() throws Exception {
        Map<String, Map<String, Object>> services = services("docker-compose.yml");

        assertThat(services).containsKeys("postgres", "kafka", "membership-command", "membership-query",
                "prometheus", "grafana");
        assertMountsExist(services);
        for (String service : List.of("membership-command", "membership-query")) {
            assertThat(environment(services.get(service))).containsEntry("LEDGER_SECURITY_ACCOUNTS_3_ROLES", "METRICS");
        }
        assertThat(Files.readString(HOME.resolve("ops/prometheus/prometheus.yml")))
                .contains("membership-command:8080", "membership-query:8081", "username: metrics");
    }

    @Test
    void the_cluster_stack_has_three_replicating_kafka_nodes_and_two_instances_of_each_service_behind_proxies()
            throws Exception {
        Map<String, Map<String, Object>> services = services("docker-compose.cluster.yml");
        assertMountsExist(services);

        List<String> kafkaNodes = List.of("kafka-1", "kafka-2", "kafka-3");
        for (int index = 0; index < kafkaNodes.size(); index++) {
            Map<String, Object> environment = environment(services.get(kafkaNodes.get(index)));
            assertThat(environment.get("KAFKA_NODE_ID")).hasToString(Integer.toString(index + 1));
            assertThat(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
                    .hasToString("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
            assertThat(environment.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).hasToString("3");
            assertThat(environment.get("KAFKA_MIN_INSYNC_REPLICAS")).hasToString("2");
            assertThat(environment.get("KAFKA_ADVERTISED_LISTENERS")).hasToString("SASL_PLAINTEXT://"
                    + kafkaNodes.get(index) + ":9092");
        }
        List<String> instances = List.of("membership-command-1", "membership-command-2", "membership-query-1",
                "membership-query-2");
        for (String instance : instances) {
            Map<String, Object> environment = environment(services.get(instance));
            assertThat(environment).as(instance).containsEntry("SPRING_PROFILES_ACTIVE", "cluster")
                    .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092,kafka-3:9092");
        }
        assertThat(environment(services.get("membership-command-1")).get("LEDGER_PUBLISHER_NODEID"))
                .isNotEqualTo(environment(services.get("membership-command-2")).get("LEDGER_PUBLISHER_NODEID"));
        assertThat(Files.readString(HOME.resolve("ops/nginx/command.conf")))
                .contains("server membership-command-1:8080", "server membership-command-2:8080");
        assertThat(Files.readString(HOME.resolve("ops/nginx/query.conf")))
                .contains("server membership-query-1:8081", "server membership-query-2:8081", "proxy_buffering off");
        assertThat(Files.readString(HOME.resolve("ops/prometheus/prometheus-cluster.yml")))
                .contains(instances.stream().map(instance -> instance + (instance.contains("command") ? ":8080"
                        : ":8081")).toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"docker-compose.yml", "docker-compose.cluster.yml"})
    void each_service_connects_as_its_own_database_role_which_the_first_start_creates(String file) throws Exception {
        Map<String, Map<String, Object>> services = services(file);

        assertThat(services.get("postgres").get("volumes").toString())
                .contains("./ops/postgres/create-ledger-roles.sh:/docker-entrypoint-initdb.d/")
                .contains("./ops/postgres/ledger-roles.sql:/ledger/ledger-roles.sql");
        assertThat(Files.readString(HOME.resolve("ops/postgres/ledger-roles.sql")))
                .contains("'ledger_owner', 'ledger_command', 'ledger_query'");
        services.forEach((name, service) -> {
            if (name.startsWith("membership-command")) {
                assertThat(environment(service)).as(name)
                        .containsEntry("SPRING_DATASOURCE_USERNAME", "ledger_command")
                        .containsEntry("SPRING_DATASOURCE_PASSWORD", "${DB_COMMAND_PASSWORD:?set DB_COMMAND_PASSWORD}")
                        .containsEntry("SPRING_FLYWAY_USER", "ledger_owner")
                        .containsEntry("SPRING_FLYWAY_PASSWORD", "${DB_OWNER_PASSWORD:?set DB_OWNER_PASSWORD}");
            } else if (name.startsWith("membership-query")) {
                assertThat(environment(service)).as(name)
                        .containsEntry("SPRING_DATASOURCE_USERNAME", "ledger_query")
                        .containsEntry("SPRING_DATASOURCE_PASSWORD", "${DB_QUERY_PASSWORD:?set DB_QUERY_PASSWORD}")
                        .doesNotContainKey("SPRING_FLYWAY_USER");
            }
        });
        assertThat(services.keySet().stream().filter(name -> name.startsWith("membership-"))).hasSizeGreaterThan(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"docker-compose.yml", "docker-compose.cluster.yml"})
    void kafka_signs_in_every_client_and_only_the_command_services_account_may_write_the_events_topic(String file)
            throws Exception {
        Map<String, Map<String, Object>> services = services(file);

        List<String> nodes = services.keySet().stream()
                .filter(name -> name.equals("kafka") || name.matches("kafka-\\d")).toList();
        assertThat(nodes).isNotEmpty();
        for (String node : nodes) {
            Map<String, Object> environment = environment(services.get(node));
            assertThat(environment.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").toString().split(","))
                    .as("%s: every listener authenticates", node)
                    .allSatisfy(listener -> assertThat(listener).endsWith(":SASL_PLAINTEXT"));
            assertThat(environment).as(node)
                    .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME",
                            "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                    .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                    .containsEntry("KAFKA_SUPER_USERS", "User:ledger_operator");
            assertThat(environment.get("KAFKA_LISTENER_NAME_SASL__PLAINTEXT_PLAIN_SASL_JAAS_CONFIG").toString())
                    .contains("user_ledger_command=", "user_ledger_query=", "user_ledger_operator=");
        }
        services.forEach((name, service) -> {
            if (name.startsWith("membership-")) {
                String account = name.startsWith("membership-command") ? "ledger_command" : "ledger_query";
                assertThat(environment(service)).as(name)
                        .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                        .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "PLAIN");
                assertThat(environment(service).get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").toString())
                        .as(name).contains("username=\"" + account + "\"");
                assertThat(service.get("depends_on").toString()).as(name)
                        .contains("kafka-acls={condition=service_completed_successfully}");
            }
        });
        assertThat(services.get("kafka-acls").get("volumes").toString())
                .contains("./ops/kafka/create-ledger-acls.sh:/ledger/create-ledger-acls.sh");
        List<String> writeGrants = Files.readAllLines(HOME.resolve("ops/kafka/create-ledger-acls.sh")).stream()
                .filter(line -> line.startsWith("acls ") && line.contains("--operation Write")).toList();
        assertThat(writeGrants).containsExactlyInAnyOrder(
                "acls --allow-principal User:ledger_command --operation Write --topic membership.events",
                "acls --allow-principal User:ledger_query --operation Read --operation Write --topic membership.events.DLT");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(String file) throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(HOME.resolve(file)));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        assertThat(service).as("service").isNotNull();
        return (Map<String, Object>) service.get("environment");
    }

    /** Every file or folder of the repository a service mounts ("./..." on the left of a volume). */
    @SuppressWarnings("unchecked")
    private static void assertMountsExist(Map<String, Map<String, Object>> services) {
        services.forEach((name, service) -> {
            for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith("./") && !source.endsWith("metrics-password")) {
                    assertThat(HOME.resolve(source)).as("%s mounts %s", name, source).exists();
                }
            }
        });
    }
}
