/**
 * The offline verifier: checks an NDJSON export of the ledger with nothing from the running system (issue 15).
 *
 * <p>{@link org.communityledger.verifier.OfflineVerifier} reads the export once, line by line, and
 * <ul>
 *   <li>recomputes every event's chain hash (v1 or v2, as its metadata names) from the exported bytes, the
 *       payload's exact byte span included, and follows each community's chain: versions 1, 2, 3... and each
 *       {@code prevHash} the hash before it;</li>
 *   <li>rebuilds the RFC 9162 tree whose leaf <i>i</i> is line <i>i</i>'s chain hash, and compares its root with
 *       the roots that kept checkpoints sign, after checking their Ed25519 signatures with the verifier key.</li>
 * </ul>
 * Memory stays constant per event: a head per community, a line buffer, and O(log n) subtree hashes.
 *
 * <p>The hashing, the tree and the notes are {@code ledger-proofs}', the very code the command service seals
 * and signs with; this package only reads the export and says what does not fit, and where.
 */
package org.communityledger.verifier;
