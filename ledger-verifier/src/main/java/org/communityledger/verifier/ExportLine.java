package org.communityledger.verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.communityledger.proofs.chain.ChainedEvent;
import org.communityledger.proofs.chain.HashVersion;

/**
 * One event as an export line gives it.
 *
 * @param seal        the seal and the fields v2 covers, from the metadata; absent when the metadata was written
 *                    as a string (stored metadata that is not a JSON object)
 * @param payload     the payload value's exact bytes in the line
 * @param payloadText when the payload value is a JSON string: the UTF-8 of its decoded value, which is what was
 *                    stored if the stored payload was not JSON (the export then writes it as a string); null else
 */
record ExportLine(long position, String communityId, long version, String eventId, String name, String revision,
                  String timestamp, Optional<Seal> seal, byte[] payload, byte[] payloadText) {

    /**
     * The metadata fields of a seal.
     *
     * @param hashTag        {@code hashVersion}, null for an event sealed under v1
     * @param principal      null when absent (v1 does not cover it)
     * @param correlationId  null when absent (v1 does not cover it)
     * @param idempotencyKey null when absent
     * @param prevHash       64 lowercase hex
     * @param hash           64 lowercase hex
     */
    record Seal(String hashTag, String principal, String correlationId, String idempotencyKey, String prevHash,
                String hash) {
    }

    /**
     * The payload bytes that may have been stored: the value's bytes as they are, and, for a JSON string, also
     * its decoded text. A string value is ambiguous: stored JSON that is a string ({@code "a"}) and stored
     * bytes that are not JSON ({@code a}) are exported alike, and either may have been sealed.
     */
    List<byte[]> storedPayloadCandidates() {
        List<byte[]> candidates = new ArrayList<>(2);
        candidates.add(payload);
        if (payloadText != null) {
            candidates.add(payloadText);
        }
        return candidates;
    }

    /** The event as the chain hash sees it, with this seal, version and payload. */
    ChainedEvent chained(Seal seal, HashVersion hashVersion, byte[] storedPayload) {
        return new ChainedEvent(hashVersion, eventId, communityId, version, position, name, revision, timestamp,
                seal.principal(), seal.correlationId(), seal.idempotencyKey(), seal.prevHash(), storedPayload);
    }
}
