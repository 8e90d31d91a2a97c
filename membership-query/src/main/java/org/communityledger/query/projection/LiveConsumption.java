package org.communityledger.query.projection;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Stops and restarts the live consumption of the events topic, for the moment a rebuild switches views.
 * Stopping waits for the record in hand and commits the offsets of what was applied.
 */
@Component
public class LiveConsumption {

    private final KafkaListenerEndpointRegistry registry;

    LiveConsumption(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    public void stop() {
        container().stop();
    }

    public void start() {
        container().start();
    }

    private MessageListenerContainer container() {
        MessageListenerContainer container = registry.getListenerContainer(EventConsumer.LISTENER_ID);
        if (container == null) {
            throw new IllegalStateException("no listener container " + EventConsumer.LISTENER_ID);
        }
        return container;
    }
}
