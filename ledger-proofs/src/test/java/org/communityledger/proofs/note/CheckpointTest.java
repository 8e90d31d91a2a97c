package org.communityledger.proofs.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.communityledger.proofs.tree.InMemoryMerkleTree;
import org.communityledger.proofs.tree.MerkleHashes;
import org.communityledger.proofs.tree.MerkleProofs;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static final String ORIGIN = "ledger.example.edu.cn/communities";

    @Test
    void readsTheSpecExample() {
        Checkpoint checkpoint = Checkpoint.parse("example.com/behind-the-sofa\n20852163\n"
                + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163);
        assertThat(Base64.getEncoder().encodeToString(checkpoint.rootHash()))
                .isEqualTo("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
        assertThat(checkpoint.extensions()).isEmpty();
        assertThat(checkpoint.format()).isEqualTo("example.com/behind-the-sofa\n20852163\n"
                + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
    }

    @Test
    void formatsAndReadsBackWithExtensions() {
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 0, MerkleHashes.emptyRoot(), List.of("ext one", "— two"));
        assertThat(checkpoint.format()).isEqualTo(ORIGIN + "\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next one\n— two\n");
        assertThat(Checkpoint.parse(checkpoint.format())).isEqualTo(checkpoint);
    }

    @Test
    void refusesMalformedBodies() {
        String root = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
        for (String text : List.of(
                ORIGIN + "\n5\n",                                 // no root
                ORIGIN + "\n05\n" + root + "\n",                   // leading zero
                ORIGIN + "\n-1\n" + root + "\n",
                ORIGIN + "\n+1\n" + root + "\n",
                ORIGIN + "\n 1\n" + root + "\n",
                ORIGIN + "\n9223372036854775808\n" + root + "\n",  // beyond a long
                ORIGIN + "\n\n" + root + "\n",
                "\n5\n" + root + "\n",                              // empty origin
                ORIGIN + "\n5\n" + root.substring(4) + "\n",        // not 32 bytes
                ORIGIN + "\n5\n" + root.replace("=", "") + "\n",    // not canonical base64
                ORIGIN + "\n5\n" + root + "\n\n",                   // an empty extension line
                ORIGIN + "\n5\n" + root)) {                         // no final newline
            assertThat(reason(() -> Checkpoint.parse(text))).as(text).isEqualTo(NoteException.Reason.MALFORMED);
        }
        assertThat(Checkpoint.parse(ORIGIN + "\n9223372036854775807\n" + root + "\n").size()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aSignedCheckpointProvesInclusionEndToEnd() {
        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        for (int i = 0; i < 1000; i++) {
            tree.append(("event " + i).getBytes(StandardCharsets.UTF_8));
        }
        NoteSigner log = NoteSigner.generate(ORIGIN);
        String signed = new Checkpoint(ORIGIN, tree.size(), tree.root()).sign(log).format();

        Checkpoint checkpoint = Checkpoint.open(signed, ORIGIN, List.of(log.verifier()));
        assertThat(checkpoint.size()).isEqualTo(1000);
        byte[] leaf = MerkleHashes.leafHash("event 421".getBytes(StandardCharsets.UTF_8));
        assertThat(MerkleProofs.verifyInclusion(421, checkpoint.size(), leaf, tree.inclusionProof(421, 1000),
                checkpoint.rootHash())).isTrue();

        assertThat(reason(() -> Checkpoint.open(signed, "another.example/log", List.of(log.verifier()))))
                .isEqualTo(NoteException.Reason.WRONG_ORIGIN);
        assertThat(reason(() -> Checkpoint.open(signed, ORIGIN, List.of(NoteSigner.generate(ORIGIN).verifier()))))
                .isEqualTo(NoteException.Reason.UNVERIFIED);
        String biggerClaim = signed.replaceFirst("\n1000\n", "\n1001\n");
        assertThat(reason(() -> Checkpoint.open(biggerClaim, ORIGIN, List.of(log.verifier()))))
                .isEqualTo(NoteException.Reason.INVALID_SIGNATURE);
    }

    private static NoteException.Reason reason(ThrowingCallable call) {
        try {
            call.call();
        } catch (NoteException e) {
            return e.reason();
        } catch (Throwable e) {
            throw new AssertionError("expected a NoteException, got " + e, e);
        }
        return null;
    }
}
