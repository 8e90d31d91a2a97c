package org.communityledger.command.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Makes digests of the whole ledger and checks earlier ones against the store as it is now. */
@Component
class Digests {

    private final StoredEvents storedEvents;
    private final ChainVerifier verifier;
    private final AuditProperties properties;

    Digests(StoredEvents storedEvents, ChainVerifier verifier, AuditProperties properties) {
        this.storedEvents = storedEvents;
        this.verifier = verifier;
        this.properties = properties;
    }

    /** One consistent snapshot of the store, up to the newest position nothing can still appear below. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Digest current() {
        long position = storedEvents.safePosition(properties.settle());
        List<StoredEvents.Head> heads = storedEvents.headsAt(position);
        return new Digest(Digest.ALGORITHM, position, heads.size(), storedEvents.countUpTo(position),
                MerkleRoot.of(heads.stream().map(StoredEvents.Head::hash).toList()), Instant.now(Clock.systemUTC()));
    }

    /**
     * Recomputes every community's chain up to the digest's position from the stored bytes, then the Merkle
     * root of the recomputed heads: an edited, removed, reordered or truncated event before the digest shows
     * as a broken chain, a different root or a different count.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public DigestVerification verify(Digest earlier) {
        List<String> problems = new ArrayList<>();
        List<String> heads = new ArrayList<>();
        long events = 0;
        for (StoredEvents.Head head : storedEvents.headsAt(earlier.position())) {
            ChainVerifier.Verification chain = verifier.verify(head.communityId(), earlier.position());
            if (!chain.valid()) {
                problems.add("community " + head.communityId() + ": " + chain.reason());
            }
            heads.add(chain.headHash());
            events += chain.eventsChecked();
        }
        long stored = storedEvents.countUpTo(earlier.position());
        if (stored != earlier.events()) {
            problems.add("the digest covers " + earlier.events() + " events up to position " + earlier.position()
                    + ", the store now has " + stored);
        }
        if (heads.size() != earlier.communities()) {
            problems.add("the digest covers " + earlier.communities() + " communities, the store now has " + heads.size());
        }
        String root = MerkleRoot.of(heads);
        if (!root.equals(earlier.merkleRoot())) {
            problems.add("the Merkle root of the communities' heads is " + root + ", the digest says "
                    + earlier.merkleRoot());
        }
        return new DigestVerification(problems.isEmpty(), earlier.position(), heads.size(), events, root, problems);
    }

    /** The outcome of checking an earlier digest. */
    record DigestVerification(boolean valid, long position, long communities, long eventsChecked, String merkleRoot,
                              List<String> problems) {
    }
}
