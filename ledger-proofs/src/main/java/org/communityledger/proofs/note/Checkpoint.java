package org.communityledger.proofs.note;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A transparency-log checkpoint (c2sp.org/tlog-checkpoint): the note text that states a log's tree at one
 * size. Signed, it is a {@link SignedNote} of that text.
 *
 * <pre>
 * &lt;origin&gt;
 * &lt;tree size, decimal, no leading zeros&gt;
 * &lt;base64 of the RFC 9162 root hash&gt;
 * [&lt;extension line&gt;...]
 * </pre>
 *
 * @param origin     the log's unique name, e.g. {@code ledger.example.edu.cn/communities}; non-empty
 * @param size       the number of leaves, &ge; 0
 * @param rootHash   the root hash at that size, 32 bytes
 * @param extensions optional further lines, each non-empty (not recommended by the spec)
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || !NoteFormat.isWellFormed(origin)
                || origin.chars().anyMatch(c -> c < 0x20)) {
            throw NoteException.malformed("a checkpoint's origin is one non-empty line");
        }
        if (size < 0) {
            throw NoteException.malformed("a tree size is not negative");
        }
        if (rootHash == null || rootHash.length != 32) {
            throw NoteException.malformed("a checkpoint's root hash is 32 bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        for (String extension : extensions) {
            if (extension.isEmpty() || !NoteFormat.isWellFormed(extension) || extension.chars().anyMatch(c -> c < 0x20)) {
                throw NoteException.malformed("an extension line is one non-empty line");
            }
        }
    }

    /** A checkpoint without extension lines. */
    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    /**
     * Reads a checkpoint from a note text (already verified: see {@link #open}). Refuses fewer than three lines,
     * an empty line, a size with a sign or leading zeros or beyond 2<sup>63</sup> - 1, and a root that is not
     * canonical base64 of 32 bytes.
     */
    public static Checkpoint parse(String text) {
        SignedNote.checkText(text);
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw NoteException.malformed("a checkpoint has an origin, a size and a root hash");
        }
        String size = lines[1];
        if (size.isEmpty() || size.length() > 19 || !size.chars().allMatch(c -> c >= '0' && c <= '9')
                || (size.length() > 1 && size.charAt(0) == '0')) {
            throw NoteException.malformed("a tree size is decimal digits without leading zeros");
        }
        long treeSize;
        try {
            treeSize = Long.parseLong(size);
        } catch (NumberFormatException e) {
            throw NoteException.malformed("a tree size beyond 2^63 - 1");
        }
        byte[] root = NoteFormat.parseBase64(lines[2]);
        return new Checkpoint(lines[0], treeSize, root, Arrays.asList(lines).subList(3, lines.length));
    }

    /** The note text: origin, size, root hash and extension lines, each ending in a newline. */
    public String format() {
        StringBuilder text = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(NoteFormat.base64(rootHash)).append('\n');
        extensions.forEach(extension -> text.append(extension).append('\n'));
        return text.toString();
    }

    /** The checkpoint signed by these keys (the log's own key should be named like the origin). */
    public SignedNote sign(NoteSigner... signers) {
        return Notes.sign(format(), signers);
    }

    /**
     * Verifies a signed checkpoint against the trusted keys and reads it, and checks that it is from the log
     * expected: a checkpoint verified by a trusted key of another log says nothing about this one.
     *
     * @throws NoteException when malformed, unverified, or {@code WRONG_ORIGIN}
     */
    public static Checkpoint open(String signedCheckpoint, String expectedOrigin, Collection<NoteVerifier> trusted) {
        VerifiedNote note = Notes.open(signedCheckpoint, trusted);
        Checkpoint checkpoint = parse(note.text());
        if (!checkpoint.origin().equals(Objects.requireNonNull(expectedOrigin, "expectedOrigin"))) {
            throw new NoteException(NoteException.Reason.WRONG_ORIGIN,
                    "the checkpoint is from " + checkpoint.origin() + ", not " + expectedOrigin);
        }
        return checkpoint;
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(rootHash, that.rootHash) && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + format().replace('\n', '|') + "]";
    }
}
