package org.communityledger.verifier;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.communityledger.proofs.chain.ChainHash;
import org.communityledger.proofs.chain.HashVersion;

/**
 * Each community's chain as the export goes by: its last version and hash, nothing more, so memory grows with
 * the communities and not with the events. A problem is reported once, where it is: after a missing version
 * the chain goes on from the event that follows the gap, so one removed event is one problem, not a cascade.
 */
final class CommunityChains {

    /** The version of a head whose line could not be read far enough to tell it. */
    private static final long UNKNOWN = -1;

    private final Map<String, Head> heads = new HashMap<>();
    private final Problems problems;

    CommunityChains(Problems problems) {
        this.problems = problems;
    }

    /**
     * A community's last event so far.
     *
     * @param hash          null when that event's seal could not be read: the next link is not checked
     * @param sealedUnderV2 whether any event of the community so far was sealed under a tagged version
     */
    private record Head(long version, String hash, long line, boolean sealedUnderV2) {
    }

    /** Checks the event's version, its link to the previous event, its seal's version and its hash. */
    void check(ExportLine event, ExportLine.Seal seal, Location.Line where) {
        Head head = heads.get(event.communityId());
        if (inSequence(head, event.version(), where)) {
            checkLink(head, seal.prevHash(), where);
        }
        Optional<HashVersion> hashVersion = hashVersion(seal, where);
        if (head != null && head.sealedUnderV2() && hashVersion.equals(Optional.of(HashVersion.V1))) {
            problems.add(Problem.Kind.SEAL_DOWNGRADED, where, "it is sealed under v1 after version " + head.version()
                    + " (line " + head.line() + ") was sealed under v2: v1 does not cover its id, position,"
                    + " principal, correlation id or idempotency key");
        }
        hashVersion.ifPresent(version -> checkHash(event, seal, version, where));
        if (head == null || head.version() == UNKNOWN || event.version() > head.version()) {
            boolean v2 = (head != null && head.sealedUnderV2()) || seal.hashTag() != null;
            heads.put(event.communityId(), new Head(event.version(), seal.hash(), where.number(), v2));
        }
    }

    /**
     * A line whose seal cannot be read: the community's chain goes on from its version, if that was read, with
     * no hash to link the next event to.
     */
    void unreadable(Location.Line where) {
        if (where.communityId().isEmpty()) {
            return;
        }
        Head head = heads.get(where.communityId().get());
        long version = where.version().orElse(UNKNOWN);
        if (head == null || version == UNKNOWN || head.version() == UNKNOWN || version > head.version()) {
            heads.put(where.communityId().get(),
                    new Head(version, null, where.number(), head != null && head.sealedUnderV2()));
        }
    }

    long communities() {
        return heads.size();
    }

    private boolean inSequence(Head head, long version, Location.Line where) {
        if (head != null && head.version() == UNKNOWN) {
            return false;
        }
        long last = head == null ? 0 : head.version();
        if (version == last + 1) {
            return true;
        }
        if (version > last + 1) {
            String missing = version == last + 2 ? "version " + (last + 1) + " is missing"
                    : "versions " + (last + 1) + " to " + (version - 1) + " are missing";
            problems.add(Problem.Kind.VERSION_SKIPPED, where, head == null
                    ? "the community's first event in the export is version " + version + ": " + missing
                    : "version " + version + " follows version " + last + " (line " + head.line() + "): " + missing);
        } else {
            problems.add(Problem.Kind.VERSION_REPEATED, where, head == null
                    ? "the community's first event is version " + version + ", where version 1 was expected"
                    : "version " + version + " comes after version " + last + " (line " + head.line()
                    + "): an event repeated or out of order");
        }
        return false;
    }

    private void checkLink(Head head, String prevHash, Location.Line where) {
        if (head == null) {
            if (!prevHash.equals(ChainHash.GENESIS)) {
                problems.add(Problem.Kind.PREVIOUS_HASH_MISMATCH, where, "the community's first event has prevHash "
                        + prevHash + ", not 64 zeros");
            }
        } else if (head.hash() != null && !prevHash.equals(head.hash())) {
            problems.add(Problem.Kind.PREVIOUS_HASH_MISMATCH, where, "prevHash " + prevHash + " is not the hash "
                    + head.hash() + " of version " + head.version() + " (line " + head.line()
                    + "): an event before it was removed, replaced or reordered");
        }
    }

    private Optional<HashVersion> hashVersion(ExportLine.Seal seal, Location.Line where) {
        try {
            return Optional.of(HashVersion.ofTag(seal.hashTag()));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.Kind.HASH_VERSION_UNKNOWN, where, "metadata.hashVersion " + seal.hashTag()
                    + " is none this verifier knows (" + HashVersion.V2.tag() + ", or none for v1)");
            return Optional.empty();
        }
    }

    private void checkHash(ExportLine event, ExportLine.Seal seal, HashVersion version, Location.Line where) {
        if (version == HashVersion.V2 && (seal.principal() == null || seal.correlationId() == null)) {
            problems.add(Problem.Kind.LINE_MALFORMED, where, "metadata." + (seal.principal() == null ? "principal"
                    : "correlationId") + " is missing, and its v2 seal covers it");
            return;
        }
        String recomputed = null;
        for (byte[] payload : event.storedPayloadCandidates()) {
            String hash;
            try {
                hash = ChainHash.of(event.chained(seal, version, payload));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.Kind.LINE_MALFORMED, where, "its seal cannot be recomputed: " + e.getMessage());
                return;
            }
            if (hash.equals(seal.hash())) {
                return;
            }
            recomputed = recomputed == null ? hash : recomputed;
        }
        problems.add(Problem.Kind.HASH_MISMATCH, where, "its content gives the " + version.tag() + " hash "
                + recomputed + ", not its hash " + seal.hash() + ": the event was altered after it was sealed");
    }
}
