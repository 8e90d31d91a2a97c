package org.communityledger.command.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Seals each event as it is published, before it is stored: {@code prevHash} is the hash of the community's
 * previous event (from the store, or from earlier in the same command), {@code hash} covers this event's
 * identity, timestamp and payload bytes as the store will write them (same serializer, same timestamp
 * format). Concurrent appends to one community cannot both win, so a chain never forks.
 */
class HashChainInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String HEADS_OF_THIS_COMMAND = HashChainInterceptor.class.getName() + ".heads";

    private final Serializer eventSerializer;
    private final ChainHeads chainHeads;

    HashChainInterceptor(Serializer eventSerializer, ChainHeads chainHeads) {
        this.eventSerializer = eventSerializer;
        this.chainHeads = chainHeads;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> message instanceof DomainEventMessage<?> event ? seal(event) : message;
    }

    private EventMessage<?> seal(DomainEventMessage<?> event) {
        Map<String, String> heads = headsOfThisCommand();
        String communityId = event.getAggregateIdentifier();
        String prevHash = heads.computeIfAbsent(communityId,
                id -> chainHeads.headOf(id).orElse(HashChain.GENESIS));
        SerializedObject<byte[]> payload = eventSerializer.serialize(event.getPayload(), byte[].class);
        String hash = HashChain.hash(communityId, event.getSequenceNumber() + 1, payload.getType().getName(),
                payload.getType().getRevision(), DateTimeUtils.formatInstant(event.getTimestamp()), prevHash,
                payload.getData());
        heads.put(communityId, hash);
        return event.andMetaData(Map.of(LedgerMetadata.PREV_HASH, prevHash, LedgerMetadata.HASH, hash));
    }

    /** Several events of one command chain to each other before any of them is stored. */
    private static Map<String, String> headsOfThisCommand() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new HashMap<>();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(HEADS_OF_THIS_COMMAND, key -> new HashMap<>());
    }
}
