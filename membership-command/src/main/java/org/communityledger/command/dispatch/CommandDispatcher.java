package org.communityledger.command.dispatch;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.communityledger.command.eventstore.EventPositions;
import org.communityledger.events.value.CommunityId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Executes a command the safe way: a retry with an idempotency key its principal used before (within the
 * retention) answers the first outcome and records nothing; otherwise the command is sent with the metadata its
 * events must carry, and once its events are committed the answer is the community's new version and the position
 * of its last event. Each command is timed and counted by type and outcome ({@link CommandMetrics}).
 */
@Component
public class CommandDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    /**
     * With several command instances, an instance's cached community is behind whenever the other appended to it,
     * so a busy community meets conflicts often: each attempt reloads it, after a short random pause so that two
     * instances retrying at once drift apart. Three attempts answered 409 to a steady load from both instances
     * (fault scenario c2); a community changed under a command this many times in a row is really contended.
     */
    private static final int ATTEMPTS_ON_CONCURRENT_CHANGE = 8;
    private static final long MAX_PAUSE_BEFORE_RETRY_MILLIS = 20;

    private final CommandGateway commandGateway;
    private final EventPositions eventPositions;
    private final IdempotencyRecords idempotencyRecords;
    private final CommandMetrics metrics;

    CommandDispatcher(CommandGateway commandGateway, EventPositions eventPositions,
                      IdempotencyRecords idempotencyRecords, CommandMetrics metrics) {
        this.commandGateway = commandGateway;
        this.eventPositions = eventPositions;
        this.idempotencyRecords = idempotencyRecords;
        this.metrics = metrics;
    }

    public <C> CommandResult execute(CommandContext context, CommunityId communityId, Object requestBody,
                                     Class<C> commandType, Supplier<? extends C> command) {
        return execute(context, communityId, requestBody, commandType, command, null);
    }

    /**
     * @param requestBody the request as read, for the idempotency fingerprint
     * @param commandType what the command is, named in the metrics even when it is not built
     * @param command     builds the command; not called when the request is a retry
     * @param created     the id this command makes, if any, answered with the result
     */
    public <C> CommandResult execute(CommandContext context, CommunityId communityId, Object requestBody,
                                     Class<C> commandType, Supplier<? extends C> command, CreatedId created) {
        long started = System.nanoTime();
        // Until the command ends otherwise: an Error passes the catch below and must not count as accepted.
        CommandOutcome outcome = CommandOutcome.FAILED;
        try {
            String fingerprint = context.idempotencyKey() == null ? null
                    : RequestFingerprint.of(context.target(), requestBody);
            Optional<CommandResult> earlier = earlierOutcome(context, fingerprint);
            if (earlier.isPresent()) {
                outcome = CommandOutcome.REPLAYED;
                return earlier.get();
            }
            Map<String, Object> metaData = metaData(context, communityId, fingerprint, created);
            Attempt attempt = send(context, communityId, metaData, command.get(), fingerprint, created);
            outcome = attempt.outcome();
            return attempt.result();
        } catch (RuntimeException failure) {
            outcome = CommandOutcome.of(failure);
            throw failure;
        } finally {
            long took = System.nanoTime() - started;
            metrics.record(commandType, outcome, took);
            log.debug("{} {} in {} ms", commandType.getSimpleName(), outcome.tag(), took / 1_000_000);
        }
    }

    /** Sends the command, again on a concurrent change; a concurrent twin with the same key answers its outcome. */
    private Attempt send(CommandContext context, CommunityId communityId, Map<String, Object> metaData,
                         Object payload, String fingerprint, CreatedId created) {
        for (int attempt = 1; ; attempt++) {
            try {
                Long version = commandGateway.sendAndWait(
                        GenericCommandMessage.asCommandMessage(payload).andMetaData(metaData));
                return new Attempt(CommandResult.of(communityId.value(), version,
                        eventPositions.positionOf(communityId, version), created), CommandOutcome.ACCEPTED);
            } catch (RuntimeException failure) {
                Optional<CommandResult> concurrentTwin = earlierOutcome(context, fingerprint);
                if (concurrentTwin.isPresent()) {
                    return new Attempt(concurrentTwin.get(), CommandOutcome.REPLAYED);
                }
                if (!(failure instanceof ConcurrencyException)) {
                    throw failure;
                }
                if (attempt == ATTEMPTS_ON_CONCURRENT_CHANGE) {
                    throw new ConcurrentModification(communityId.value(), failure);
                }
                pauseBeforeRetry();
            }
        }
    }

    private record Attempt(CommandResult result, CommandOutcome outcome) {
    }

    private static void pauseBeforeRetry() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(MAX_PAUSE_BEFORE_RETRY_MILLIS + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a command", e);
        }
    }

    private Optional<CommandResult> earlierOutcome(CommandContext context, String fingerprint) {
        if (context.idempotencyKey() == null) {
            return Optional.empty();
        }
        return idempotencyRecords.find(context.principal(), context.idempotencyKey()).map(record -> {
            if (!record.requestFingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReused(context.idempotencyKey());
            }
            CommunityId communityId = CommunityId.of(record.communityId());
            return CommandResult.of(record.communityId(), record.version(),
                    eventPositions.positionOf(communityId, record.version()), record.created());
        });
    }

    private static Map<String, Object> metaData(CommandContext context, CommunityId communityId, String fingerprint,
                                                CreatedId created) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(CommandMetadata.CORRELATION_ID, context.correlationId());
        metaData.put(CommandMetadata.PRINCIPAL, context.principal());
        if (context.expectedVersion() != null) {
            metaData.put(CommandMetadata.EXPECTED_VERSION, context.expectedVersion());
        }
        if (context.idempotencyKey() != null) {
            metaData.put(CommandMetadata.IDEMPOTENCY_KEY, context.idempotencyKey());
            metaData.put(IdempotencyInterceptor.REQUEST_FINGERPRINT, fingerprint);
            metaData.put(IdempotencyInterceptor.COMMUNITY_ID, communityId.value());
            if (created != null) {
                metaData.put(IdempotencyInterceptor.CREATED_ID_NAME, created.name());
                metaData.put(IdempotencyInterceptor.CREATED_ID, created.value());
            }
        }
        return metaData;
    }
}
