package org.communityledger.command.transparency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.communityledger.command.ledger.SealedFields;
import org.communityledger.proofs.chain.ChainHash;
import org.communityledger.proofs.note.Checkpoint;
import org.communityledger.proofs.note.NoteException;
import org.communityledger.proofs.note.NoteSigner;
import org.communityledger.proofs.tree.RootAccumulator;
import org.springframework.stereotype.Component;

/**
 * Checks a kept checkpoint against the log as it is now. The tree is recomputed from the events' content (each
 * chain hash hashed again, not read), so an event edited after the checkpoint was signed changes the root even
 * when whoever edited it also rewrote its stored hash and every later one.
 */
@Component
class CheckpointCheck {

    /** Problems named one by one before the rest are only counted. */
    private static final int PROBLEMS_NAMED = 20;

    private final TreeStore store;
    private final TransparencyLog transparencyLog;
    private final SigningKey signer;

    CheckpointCheck(TreeStore store, TransparencyLog transparencyLog, SigningKey signer) {
        this.store = store;
        this.transparencyLog = transparencyLog;
        this.signer = signer;
    }

    Result check(String signedCheckpoint) {
        NoteSigner key = signer.signer();
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.open(signedCheckpoint, key.name(), List.of(key.verifier()));
        } catch (NoteException e) {
            return Result.invalid(-1, transparencyLog.size(), List.of("the checkpoint does not verify with this "
                    + "log's key " + key.verifier().encoded() + ": " + e.getMessage()));
        }
        long treeSize = transparencyLog.size();
        long size = checkpoint.size();
        if (size > treeSize) {
            return Result.invalid(size, treeSize, List.of("the checkpoint has " + size + " leaves but the log has only "
                    + treeSize + ": events were removed"));
        }
        List<String> problems = new ArrayList<>();
        long[] unnamed = {0};
        RootAccumulator recomputed = new RootAccumulator();
        store.streamFirstEvents(size, event -> {
            SealedFields seal = SealedFields.read(event.metaData());
            String hash;
            try {
                hash = ChainHash.of(seal.chainedEvent(event.position(), event.eventId(), event.communityId(),
                        event.version(), event.name(), event.revision(), event.timestamp(), event.payload()));
            } catch (IllegalArgumentException e) {
                hash = ChainHash.GENESIS;
            }
            if (!hash.equals(seal.hash())) {
                if (problems.size() < PROBLEMS_NAMED) {
                    problems.add("the event at position " + event.position() + " (community " + event.communityId()
                            + ", version " + event.version() + ") does not match its hash: it was altered");
                } else {
                    unnamed[0]++;
                }
            }
            recomputed.appendLeaf(HexFormat.of().parseHex(hash));
        });
        if (recomputed.size() < size) {
            problems.add("only " + recomputed.size() + " events are stored where the checkpoint has " + size);
        } else if (!Arrays.equals(recomputed.root(), checkpoint.rootHash())) {
            problems.add("the first " + size + " events, hashed from their content, do not give the checkpoint's "
                    + "root: history before it was rewritten");
        }
        if (!Arrays.equals(transparencyLog.rootHash(size), checkpoint.rootHash())) {
            problems.add("the log's stored tree at " + size + " leaves does not give the checkpoint's root");
        }
        if (unnamed[0] > 0) {
            problems.add("and " + unnamed[0] + " more altered events");
        }
        return new Result(problems.isEmpty(), size, treeSize, problems);
    }

    /**
     * @param valid    whether the log still gives the checkpoint's root
     * @param size     the checkpoint's tree size (-1 when it could not be read)
     * @param treeSize the log's tree size now
     * @param problems each one named
     */
    record Result(boolean valid, long size, long treeSize, List<String> problems) {

        static Result invalid(long size, long treeSize, List<String> problems) {
            return new Result(false, size, treeSize, problems);
        }
    }
}
