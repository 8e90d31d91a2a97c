package org.communityledger.verifier;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.communityledger.proofs.note.Checkpoint;
import org.communityledger.proofs.note.NoteException;
import org.communityledger.proofs.note.NoteSignature;
import org.communityledger.proofs.note.NoteVerifier;
import org.communityledger.proofs.note.SignedNote;

/** The checkpoints an auditor kept: opened with the verifier key, then compared with the export's tree. */
final class KeptCheckpoints {

    private KeptCheckpoints() {
    }

    /**
     * The checkpoint, if the key signed it for the log the key names; else the reason as a problem. The origin
     * expected is the key's name: the log signs with a key named as itself.
     */
    static Optional<Checkpoint> open(String signedNote, NoteVerifier key, Location.Note which, Problems problems) {
        try {
            return Optional.of(Checkpoint.open(signedNote, key.name(), List.of(key)));
        } catch (NoteException e) {
            switch (e.reason()) {
                case MALFORMED -> problems.add(Problem.Kind.CHECKPOINT_MALFORMED, which,
                        "not a signed checkpoint note: " + e.getMessage());
                case UNVERIFIED -> problems.add(Problem.Kind.CHECKPOINT_NOT_SIGNED_BY_KEY, which,
                        "it has no signature by " + name(key) + "; it is signed by " + signers(signedNote));
                case INVALID_SIGNATURE -> problems.add(Problem.Kind.CHECKPOINT_SIGNATURE_INVALID, which,
                        "the signature of " + name(key) + " does not verify: the note was altered after it was signed");
                case WRONG_ORIGIN -> problems.add(Problem.Kind.CHECKPOINT_ORIGIN_MISMATCH, which, e.getMessage());
            }
            return Optional.empty();
        }
    }

    /** Whether the export's tree holds this checkpoint: at least its size, and the same root at that size. */
    static void compare(Checkpoint checkpoint, Location.Note which, LogTree tree, Problems problems) {
        long size = checkpoint.size();
        if (size > tree.size()) {
            problems.add(Problem.Kind.CHECKPOINT_BEYOND_EXPORT, which, "it counts " + size + " events, the export"
                    + " holds " + tree.size() + ": the export is truncated, or events were removed");
            return;
        }
        Optional<byte[]> root = tree.rootAt(size);
        if (root.isEmpty()) {
            problems.add(Problem.Kind.CHECKPOINT_ROOT_UNREADABLE, which, "line "
                    + tree.firstUnreadableLine().orElseThrow() + " has no readable hash, so the root of the first "
                    + size + " events cannot be computed");
        } else if (!MessageDigest.isEqual(root.get(), checkpoint.rootHash())) {
            problems.add(Problem.Kind.CHECKPOINT_ROOT_MISMATCH, which, "the export's first " + size
                    + " events give the root " + base64(root.get()) + ", it signs " + base64(checkpoint.rootHash())
                    + (which == Location.Note.PREVIOUS_CHECKPOINT ? ": the export does not extend it" : "")
                    + ": an event among them was altered and sealed again, removed, added or reordered");
        }
    }

    /** A previous checkpoint larger than the current one: the log went back. */
    static void compareSizes(Checkpoint previous, Checkpoint current, Problems problems) {
        if (previous.size() > current.size()) {
            problems.add(Problem.Kind.CHECKPOINT_BEYOND_CURRENT, Location.Note.PREVIOUS_CHECKPOINT, "it counts "
                    + previous.size() + " events, the checkpoint only " + current.size() + ": the log went back");
        }
    }

    static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    private static String signers(String signedNote) {
        try {
            List<NoteSignature> signatures = SignedNote.parse(signedNote).signatures();
            return signatures.stream().map(signature -> signature.keyName() + "+" + hexId(signature.keyId()))
                    .collect(Collectors.joining(", "));
        } catch (NoteException e) {
            return "no key that can be read";
        }
    }

    private static String name(NoteVerifier key) {
        return key.name() + "+" + hexId(key.keyId());
    }

    private static String hexId(int keyId) {
        return String.format(Locale.ROOT, "%08x", keyId);
    }
}
