package org.communityledger.proofs.note;

import java.util.List;

/**
 * A note whose text is signed by at least one trusted key.
 *
 * @param text       the note text, ending in a newline
 * @param verifiedBy the trusted keys whose signatures verified, each once, in the order of the note
 * @param unverified the signatures by keys the caller does not know, left unchecked
 */
public record VerifiedNote(String text, List<NoteVerifier> verifiedBy, List<NoteSignature> unverified) {

    public VerifiedNote {
        verifiedBy = List.copyOf(verifiedBy);
        unverified = List.copyOf(unverified);
    }
}
