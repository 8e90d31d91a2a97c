package org.communityledger.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Creates the ledger's topics where they are missing and checks, at start and then at an interval, that the
 * existing ones are laid out as configured. A topic laid out otherwise is never changed behind the
 * operator's back (more partitions would move communities to other partitions and break their order; fewer
 * replicas or a lower {@code min.insync.replicas} would weaken what {@code acks=all} promises): it is logged as
 * an error and shown by the health component {@code topicLayout}, which is then DEGRADED.
 */
class TopicLayouts implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TopicLayouts.class);
    private static final long ADMIN_TIMEOUT_SECONDS = 10;

    private final AdminClient admin;
    private final List<TopicLayout> layouts;
    private volatile List<String> differences;
    private volatile String unchecked = "not checked yet";

    TopicLayouts(AdminClient admin, List<TopicLayout> layouts) {
        this.admin = admin;
        this.layouts = List.copyOf(layouts);
    }

    /** Before any consumer or producer starts: create what is missing, so that no client meets a missing topic. */
    @Override
    public void afterSingletonsInstantiated() {
        check();
    }

    @Scheduled(initialDelayString = "${ledger.kafka.layout-check-interval:PT1M}",
            fixedDelayString = "${ledger.kafka.layout-check-interval:PT1M}")
    void check() {
        try {
            createMissing();
            List<String> found = compare();
            if (!found.isEmpty() && !found.equals(differences)) {
                found.forEach(difference -> log.error("Topic layout differs from the configuration: {}", difference));
            }
            differences = found;
            unchecked = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            unchecked = "Kafka did not answer: " + e.getMessage();
            log.warn("Could not check the topics' layout ({}); trying again later", e.getMessage());
        }
    }

    /** The differences found by the last check, or empty with {@link #unchecked()} set when there was none. */
    List<String> differences() {
        return differences == null ? List.of() : differences;
    }

    String unchecked() {
        return unchecked;
    }

    private void createMissing() throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicLayout> missing = layouts.stream().filter(layout -> !existing.contains(layout.name())).toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing.stream().map(TopicLayout::toNewTopic).toList()).all()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            missing.forEach(layout -> log.info("Created topic {}: {} partitions, {} replicas, {}", layout.name(),
                    layout.partitions(), layout.replicationFactor(), layout.configs()));
        } catch (ExecutionException e) {
            // The other service, or another instance, created it at the same moment.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private List<String> compare() throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> names = layouts.stream().map(TopicLayout::name).collect(Collectors.toSet());
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                        .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList())
                .all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<String> found = new ArrayList<>();
        for (TopicLayout layout : layouts) {
            found.addAll(layout.differencesFrom(descriptions.get(layout.name()),
                    configs.get(new ConfigResource(ConfigResource.Type.TOPIC, layout.name()))));
        }
        return found;
    }
}
