package org.communityledger.query.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.WireFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Repair without a rebuild: a parked record is applied again straight from the dead letters (once its cause
 * is fixed), and the events its community held behind it follow; or it is discarded with a recorded reason.
 * Applying goes through the same projector, locks and version checks as the topic, so a replay can never
 * apply an event twice or out of its community's order.
 */
@Component
public class DeadLetterReplay {

    private static final int REPLAY_ALL_LIMIT = 10_000;

    private final DeadLetterStore deadLetters;
    private final CommunityProjector projector;
    private final HeldEvents heldEvents;
    private final WireFormat wireFormat;
    private final RecordSignatures signatures;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    DeadLetterReplay(DeadLetterStore deadLetters, CommunityProjector projector, HeldEvents heldEvents,
                     WireFormat wireFormat, RecordSignatures signatures, TransactionTemplate transactions,
                     JdbcClient jdbc) {
        this.signatures = signatures;
        this.deadLetters = deadLetters;
        this.projector = projector;
        this.heldEvents = heldEvents;
        this.wireFormat = wireFormat;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** What a replay did with one dead letter. */
    public record Replayed(long id, Outcome outcome, String status, int releasedEvents) {
    }

    /** A dead letter that a replay of several could not apply. */
    public record NotReplayed(long id, String detail) {
    }

    /** The result of replaying several dead letters. */
    public record Replays(List<Replayed> replayed, List<NotReplayed> failed) {
    }

    public enum Outcome {
        /** Applied to the views, with the events its community held behind it. */
        APPLIED,
        /** Its event had been applied already (it came again meanwhile): nothing changed. */
        ALREADY_APPLIED,
        /** Its community still misses an earlier event: it waits among the held events. */
        HELD
    }

    /**
     * Applies a parked record again.
     *
     * @throws RepairRefusedException when the dead letter is not parked, or its record still cannot be read or
     *                                applied (it stays parked)
     */
    public Replayed replay(long id, String principal) {
        DeadLetter deadLetter = parked(id);
        WireFormat.WireRecord record = deadLetters.record(id).orElseThrow(() -> unknown(id));
        EventEnvelope envelope;
        try {
            envelope = wireFormat.read(record);
            if (deadLetter.topic() != null) {
                // As it came from the topic: it must be the ledger's. (A held event's signature was checked
                // when it came, and it is kept without it.)
                signatures.check(record);
            }
        } catch (RuntimeException unreadable) {
            throw new RepairRefusedException("Dead letter " + id + " still cannot be read: "
                    + unreadable.getMessage());
        }
        Applied applied;
        try {
            applied = transactions.execute(status -> projector.apply(envelope));
        } catch (RuntimeException failure) {
            if (Failures.isTransient(failure)) {
                throw failure;
            }
            throw new RepairRefusedException("Dead letter " + id + " (community " + deadLetter.communityId()
                    + ", version " + deadLetter.version() + ") still cannot be applied: "
                    + Parking.describe(Failures.rootCause(failure)));
        }
        int released = applied == Applied.HEALED ? heldEvents.release(envelope.communityId()) : 0;
        Outcome outcome = switch (applied) {
            case CHANGED, HEALED -> Outcome.APPLIED;
            case DUPLICATE_SKIPPED -> Outcome.ALREADY_APPLIED;
            case HELD -> Outcome.HELD;
        };
        deadLetters.resolve(id, DeadLetter.REPLAYED, principal, "replayed: " + outcome.name().toLowerCase()
                + (released > 0 ? ", " + released + " held events released" : ""));
        return new Replayed(id, outcome, DeadLetter.REPLAYED, released);
    }

    /** Replays every parked record (of one community when it is named), oldest first. */
    public Replays replayAll(String communityId, String principal) {
        List<DeadLetter> parked = new ArrayList<>(deadLetters.list(DeadLetter.PARKED, communityId, REPLAY_ALL_LIMIT));
        // Oldest first, so that a community's versions are applied in order.
        parked.sort((a, b) -> Long.compare(a.id(), b.id()));
        List<Replayed> replayed = new ArrayList<>();
        List<NotReplayed> failed = new ArrayList<>();
        for (DeadLetter deadLetter : parked) {
            try {
                replayed.add(replay(deadLetter.id(), principal));
            } catch (RepairRefusedException refused) {
                failed.add(new NotReplayed(deadLetter.id(), refused.getMessage()));
            }
        }
        return new Replays(replayed, failed);
    }

    /** Closes a parked record without applying it, and records why and by whom. */
    public DeadLetter discard(long id, String reason, String principal) {
        DeadLetter deadLetter = parked(id);
        if (deadLetter.communityId() != null && deadLetter.version() != null
                && waitedFor(deadLetter.communityId()).filter(deadLetter.version()::equals).isPresent()) {
            // Its community can never go past a version that is given up: its views would stop for good.
            throw new RepairRefusedException("Dead letter " + id + " is version " + deadLetter.version()
                    + " of community " + deadLetter.communityId() + ", which the community waits for: fix its cause"
                    + " and replay it instead.");
        }
        if (!deadLetters.resolve(id, DeadLetter.DISCARDED, principal, reason)) {
            throw notParked(deadLetters.find(id).orElseThrow(() -> unknown(id)));
        }
        return deadLetters.find(id).orElseThrow(() -> unknown(id));
    }

    /** The version a quarantined community waits for. */
    private Optional<Long> waitedFor(String communityId) {
        return jdbc.sql("select missing_version from quarantine where community_id = :community")
                .param("community", communityId).query(Long.class).optional();
    }

    private DeadLetter parked(long id) {
        DeadLetter deadLetter = deadLetters.find(id).orElseThrow(() -> unknown(id));
        if (!DeadLetter.PARKED.equals(deadLetter.status())) {
            throw notParked(deadLetter);
        }
        return deadLetter;
    }

    private static RepairRefusedException notParked(DeadLetter deadLetter) {
        return new RepairRefusedException("Dead letter " + deadLetter.id() + " is " + deadLetter.status()
                + " already (" + deadLetter.resolution() + ").");
    }

    private static UnknownDeadLetterException unknown(long id) {
        return new UnknownDeadLetterException(id);
    }

    public Optional<DeadLetter> find(long id) {
        return deadLetters.find(id);
    }
}
