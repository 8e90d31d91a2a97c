package org.communityledger.command.publishing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the Kafka publisher.
 *
 * @param batchSize              events read from the store and sent per transaction (default 200)
 * @param segments               segments of the processor; one community always stays in one segment
 *                               (default 1)
 * @param acknowledgementTimeout how long a batch waits for the broker before it is retried (default 30 s)
 * @param claimTimeout           with several command instances, how old the publishing instance's claim on
 *                               the token may grow before another instance takes over (default 15 s); an idle
 *                               publisher renews its claim every half of it
 * @param claimInterval          how often an instance that does not publish tries to take the claim (default 2 s)
 * @param nodeId                 how this instance names itself as the claim's owner (default Axon's process id
 *                               and host name); instances must differ, or both would publish
 * @param lagRefresh             how long one reading of the publisher's lag (the metrics
 *                               {@code ledger.publisher.lag.*}) answers scrapes before PostgreSQL is asked again
 *                               (default 5 s); nothing is read while nobody scrapes
 */
@ConfigurationProperties("ledger.publisher")
record PublisherProperties(@DefaultValue("200") int batchSize,
                           @DefaultValue("1") int segments,
                           @DefaultValue("30s") Duration acknowledgementTimeout,
                           @DefaultValue("15s") Duration claimTimeout,
                           @DefaultValue("2s") Duration claimInterval,
                           String nodeId,
                           @DefaultValue("5s") Duration lagRefresh) {

}
