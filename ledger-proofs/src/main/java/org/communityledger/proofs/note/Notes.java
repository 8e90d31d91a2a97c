package org.communityledger.proofs.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Signing notes and opening (parsing and verifying) them, as c2sp.org/signed-note specifies. */
public final class Notes {

    private Notes() {
    }

    /**
     * Signs a note text with one or more keys.
     *
     * @param text a valid note text: ends in a newline, no control character but newlines
     * @return the signed note: {@code text ‖ "\n" ‖ "— <name> <base64(key id ‖ signature)>\n"} per signer
     */
    public static SignedNote sign(String text, NoteSigner... signers) {
        return sign(text, List.of(signers));
    }

    /** See {@link #sign(String, NoteSigner...)}. */
    public static SignedNote sign(String text, List<NoteSigner> signers) {
        SignedNote.checkText(text);
        if (signers.isEmpty()) {
            throw new IllegalArgumentException("a note needs at least one signer");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> signatures = new ArrayList<>();
        for (NoteSigner signer : signers) {
            signatures.add(new NoteSignature(signer.name(), signer.keyId(), signer.sign(message)));
        }
        return new SignedNote(text, signatures);
    }

    /** {@link #open(SignedNote, Collection)} of a note read from its bytes. */
    public static VerifiedNote open(byte[] note, Collection<NoteVerifier> trusted) {
        return open(SignedNote.parse(note), trusted);
    }

    /** {@link #open(SignedNote, Collection)} of a note read from its text. */
    public static VerifiedNote open(String note, Collection<NoteVerifier> trusted) {
        return open(SignedNote.parse(note), trusted);
    }

    /**
     * Verifies a note against the keys the caller trusts. A signature whose key name and id match no trusted
     * key is ignored (kept as unverified); one that matches must verify, or the whole note is refused; and at
     * least one must verify.
     *
     * @throws NoteException {@code UNVERIFIED} when no trusted key signed, {@code INVALID_SIGNATURE} when a
     *                       trusted key's signature fails
     * @throws IllegalArgumentException when two different trusted keys share a name and id
     */
    public static VerifiedNote open(SignedNote note, Collection<NoteVerifier> trusted) {
        Map<String, NoteVerifier> byNameAndId = new HashMap<>();
        for (NoteVerifier verifier : trusted) {
            NoteVerifier earlier = byNameAndId.putIfAbsent(key(verifier.name(), verifier.keyId()), verifier);
            if (earlier != null && !earlier.equals(verifier)) {
                throw new IllegalArgumentException("two trusted keys are both " + verifier.name() + "+"
                        + NoteFormat.hexId(verifier.keyId()));
            }
        }
        byte[] message = note.text().getBytes(StandardCharsets.UTF_8);
        Set<NoteVerifier> verified = new LinkedHashSet<>();
        Set<NoteSignature> unverified = new LinkedHashSet<>();
        for (NoteSignature signature : note.signatures()) {
            NoteVerifier verifier = byNameAndId.get(key(signature.keyName(), signature.keyId()));
            if (verifier == null) {
                unverified.add(signature);
            } else if (verifier.verify(message, signature.signature())) {
                verified.add(verifier);
            } else {
                throw new NoteException(NoteException.Reason.INVALID_SIGNATURE, "the signature of "
                        + signature.keyName() + "+" + NoteFormat.hexId(signature.keyId()) + " does not verify");
            }
        }
        if (verified.isEmpty()) {
            throw new NoteException(NoteException.Reason.UNVERIFIED, "the note has no signature by a trusted key");
        }
        return new VerifiedNote(note.text(), List.copyOf(verified), List.copyOf(unverified));
    }

    private static String key(String name, int keyId) {
        return name + "+" + NoteFormat.hexId(keyId);
    }
}
