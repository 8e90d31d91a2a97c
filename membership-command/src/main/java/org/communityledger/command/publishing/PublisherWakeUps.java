package org.communityledger.command.publishing;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.communityledger.command.eventstore.CommitNotifications;
import org.communityledger.command.eventstore.StoreEventSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Wakes the publisher after every command. The instance that holds the publisher's claim is woken by its own
 * commits and needs nothing more; an instance that does not publish announces its commits to the others
 * ({@link CommitNotifications}), so that the publishing instance reads them at once rather than at its next
 * fallback look. In a single instance no command costs a notification.
 */
@Component
class PublisherWakeUps implements SmartInitializingSingleton {

    private final StoreEventSource source;
    private final CommitNotifications notifications;
    private final Configuration axon;

    PublisherWakeUps(StoreEventSource source, CommitNotifications notifications, Configuration axon) {
        this.source = source;
        this.notifications = notifications;
        this.axon = axon;
    }

    @Override
    public void afterSingletonsInstantiated() {
        source.onLocalCommit(() -> {
            if (!publishingHere()) {
                notifications.announce();
            }
        });
    }

    /** Whether this instance holds the claim on a segment of the publisher's token. */
    boolean publishingHere() {
        return axon.eventProcessingConfiguration()
                .eventProcessor(KafkaPublisher.PROCESSOR, TrackingEventProcessor.class)
                .map(processor -> !processor.processingStatus().isEmpty())
                .orElse(false);
    }
}
