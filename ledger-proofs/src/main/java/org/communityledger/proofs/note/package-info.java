/**
 * Signed notes (<a href="https://c2sp.org/signed-note">c2sp.org/signed-note</a>) with Ed25519 keys from the
 * JDK, and transparency-log checkpoints (<a href="https://c2sp.org/tlog-checkpoint">c2sp.org/tlog-checkpoint</a>).
 *
 * <p>A signed note is a text ending in a newline, a blank line, and one signature line per key:
 * {@code — <key name> base64(key id ‖ signature)}. A key is named by its name and a 4-byte id,
 * {@code SHA-256(name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key)[:4]}, and written as text:
 * {@code <name>+<hex id>+base64(0x01 ‖ public key)} ({@link org.communityledger.proofs.note.NoteVerifier}) or,
 * for the private half, {@code PRIVATE+KEY+<name>+<hex id>+base64(0x01 ‖ 32-byte seed)}
 * ({@link org.communityledger.proofs.note.NoteSigner}). These are the formats of Go's
 * {@code golang.org/x/mod/sumdb/note}, so keys and notes move between the two.
 *
 * <p>{@link org.communityledger.proofs.note.Notes#open} accepts a note only if at least one signature is by a
 * key the caller trusts and verifies; signatures by other keys are ignored, a failing one by a trusted key
 * rejects the note. A checkpoint ({@link org.communityledger.proofs.note.Checkpoint}) is a note whose text is
 * the log's origin, tree size and root hash.
 *
 * <p>The key conversions between the JDK's Ed25519 keys and the raw 32-byte forms are in
 * {@link org.communityledger.proofs.note.Ed25519}.
 */
package org.communityledger.proofs.note;
