package org.communityledger.command.audit;

import java.time.Instant;

/**
 * What an auditor keeps outside the system to prove later that nothing up to {@code position} changed.
 *
 * @param algorithm  how the root is made (docs/audit.md, "Verifying the ledger yourself")
 * @param position   the global position the digest covers, inclusive
 * @param merkleRoot the Merkle root over every community's head hash at that position, sorted by community id
 */
record Digest(String algorithm, long position, long communities, long events, String merkleRoot, Instant createdAt) {

    static final String ALGORITHM = "community-ledger/v1 sha-256 merkle over head hashes sorted by community id";
}
