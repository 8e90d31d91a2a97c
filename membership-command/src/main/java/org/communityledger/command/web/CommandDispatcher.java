package org.communityledger.command.web;

import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.communityledger.command.eventstore.EventPositions;
import org.communityledger.events.value.CommunityId;
import org.springframework.stereotype.Component;

/**
 * Sends a command with the metadata every event must carry, waits until its events are committed,
 * and answers the community's new version and the global position of its last event.
 */
@Component
public class CommandDispatcher {

    /** Metadata key of the correlation id, copied onto every event the command causes. */
    public static final String CORRELATION_ID = "correlationId";

    private final CommandGateway commandGateway;
    private final EventPositions eventPositions;

    CommandDispatcher(CommandGateway commandGateway, EventPositions eventPositions) {
        this.commandGateway = commandGateway;
        this.eventPositions = eventPositions;
    }

    /** For commands that create a community: their single event is version 1. */
    public CommandResult create(CommunityId communityId, Object command, String correlationId) {
        dispatch(command, correlationId);
        return resultAt(communityId, 1);
    }

    /** For commands on an existing community: the handler answers the version it reached. */
    public CommandResult update(CommunityId communityId, Object command, String correlationId) {
        long version = dispatch(command, correlationId);
        return resultAt(communityId, version);
    }

    /** The id to correlate a request with, as given by the caller or newly made. */
    public static String correlationIdOrNew(String given) {
        return given == null || given.isBlank() ? UUID.randomUUID().toString() : given;
    }

    private <R> R dispatch(Object command, String correlationId) {
        MetaData metaData = MetaData.with(CORRELATION_ID, correlationId);
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    private CommandResult resultAt(CommunityId communityId, long version) {
        return new CommandResult(communityId.value(), version, eventPositions.positionOf(communityId, version));
    }
}
