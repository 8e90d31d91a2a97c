/**
 * The shared core of a ledger that auditors can check without trusting the server (issue 15), on the JDK alone.
 *
 * <ul>
 *   <li>{@link org.communityledger.proofs.tree}: RFC 9162 Merkle tree hashes, inclusion and consistency proofs,
 *       computed from a source of perfect-subtree hashes in O(log n) reads;</li>
 *   <li>{@link org.communityledger.proofs.note}: C2SP signed notes with Ed25519 and C2SP tlog checkpoints;</li>
 *   <li>{@link org.communityledger.proofs.chain}: the hash that chains each event to its community's previous
 *       one, version 1 (what membership-command stores today) and version 2.</li>
 * </ul>
 *
 * <p>The command service produces proofs and signed checkpoints with these classes; the offline verifier
 * checks them with the same classes and nothing else, so the two cannot disagree about a byte.
 */
package org.communityledger.proofs;
