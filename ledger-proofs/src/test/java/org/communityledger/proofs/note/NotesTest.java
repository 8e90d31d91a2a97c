package org.communityledger.proofs.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.communityledger.proofs.note.GoSumdbNoteVectorsTest.ENOCH_SIG;
import static org.communityledger.proofs.note.GoSumdbNoteVectorsTest.PETER_SIG;
import static org.communityledger.proofs.note.GoSumdbNoteVectorsTest.PETER_SKEY;
import static org.communityledger.proofs.note.GoSumdbNoteVectorsTest.PETER_VKEY;
import static org.communityledger.proofs.note.GoSumdbNoteVectorsTest.TEXT;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class NotesTest {

    private final NoteVerifier peter = NoteVerifier.parse(PETER_VKEY);

    @Test
    void roundTripsWithANewKeyAndSeveralSigners() {
        NoteSigner log = NoteSigner.generate("ledger.example.edu.cn/log");
        NoteSigner witness = NoteSigner.generate("witness.example.org");
        String text = "无锡 ledger\nline two\n\nafter an empty line\n";
        SignedNote note = Notes.sign(text, log, witness);
        SignedNote read = SignedNote.parse(note.bytes());
        assertThat(read).isEqualTo(note);
        assertThat(read.text()).isEqualTo(text);

        VerifiedNote verified = Notes.open(note.format(), List.of(log.verifier()));
        assertThat(verified.text()).isEqualTo(text);
        assertThat(verified.verifiedBy()).containsExactly(log.verifier());
        assertThat(verified.unverified()).hasSize(1);
        assertThat(Notes.open(note.format(), List.of(witness.verifier(), log.verifier())).verifiedBy())
                .containsExactly(log.verifier(), witness.verifier());

        NoteSigner reread = NoteSigner.parse(log.encoded());
        assertThat(reread.verifier()).isEqualTo(log.verifier());
        assertThat(NoteVerifier.parse(log.verifier().encoded())).isEqualTo(log.verifier());
    }

    @Test
    void aNoteWithOneChangedByteFails() {
        byte[] note = (TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
        int textBytes = TEXT.getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < textBytes - 1; i++) {
            byte[] changed = note.clone();
            changed[i] ^= 0x01;
            if (changed[i] < 0x20) {
                continue; // a control character: malformed, tested below
            }
            assertThat(reason(() -> Notes.open(changed, List.of(peter))))
                    .as("byte %d changed", i).isEqualTo(NoteException.Reason.INVALID_SIGNATURE);
        }
        // the signature's own bytes, re-encoded so that it stays well-formed
        byte[] signature = Base64.getDecoder().decode(PETER_SIG.substring(PETER_SIG.indexOf(' ', 2) + 1).trim());
        for (int i = 4; i < signature.length; i++) {
            byte[] changed = signature.clone();
            changed[i] ^= (byte) 0x80;
            String line = "— PeterNeumann " + Base64.getEncoder().encodeToString(changed) + "\n";
            assertThat(reason(() -> Notes.open(TEXT + "\n" + line, List.of(peter))))
                    .as("signature byte %d changed", i).isEqualTo(NoteException.Reason.INVALID_SIGNATURE);
        }
    }

    @Test
    void aNoteSignedWithAnotherKeyFails() {
        NoteSigner impostor = NoteSigner.generate("PeterNeumann"); // same name, another key, another id
        String signedByImpostor = Notes.sign(TEXT, impostor).format();
        assertThat(reason(() -> Notes.open(signedByImpostor, List.of(peter)))).isEqualTo(NoteException.Reason.UNVERIFIED);

        // the impostor's signature under Peter's name and id: checked against Peter's key, and refused
        NoteSignature forged = new NoteSignature("PeterNeumann", peter.keyId(), impostor.sign(TEXT));
        String withForgedId = new SignedNote(TEXT, List.of(forged)).format();
        assertThat(reason(() -> Notes.open(withForgedId, List.of(peter)))).isEqualTo(NoteException.Reason.INVALID_SIGNATURE);

        // a valid signature does not excuse a failing one by another trusted key
        NoteSigner other = NoteSigner.generate("other");
        String mixed = TEXT + "\n" + PETER_SIG + new NoteSignature("other", other.keyId(), impostor.sign(TEXT)).line();
        assertThat(reason(() -> Notes.open(mixed, List.of(peter, other.verifier()))))
                .isEqualTo(NoteException.Reason.INVALID_SIGNATURE);
    }

    @Test
    void malformedNotesAreRefused() {
        List<byte[]> bad = new ArrayList<>();
        for (String note : List.of(
                TEXT,                                                  // no signatures
                TEXT + "\n",                                           // blank line, no signatures
                TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1), // last line without newline
                "\u0001" + TEXT + "\n" + PETER_SIG,                    // a control character
                TEXT.replace("\n", "\r\n") + "\n" + PETER_SIG,         // CR
                TEXT + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
                TEXT + "\n" + PETER_SIG.replace("—", "-"),             // a hyphen, not an em dash
                TEXT + "\n" + PETER_SIG.replace("AM=", "AM"),          // base64 without its padding
                TEXT + "\n" + "— PeterNeumann x08g\n",                 // a signature shorter than 5 bytes
                TEXT + "\n" + "— PeterNeumann\n",
                "no final newline" + "\n" + PETER_SIG,
                TEXT + "\n" + PETER_SIG.repeat(101))) {
            bad.add(note.getBytes(StandardCharsets.UTF_8));
        }
        byte[] invalidUtf8 = (TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
        invalidUtf8[0] = (byte) 0xff;
        bad.add(invalidUtf8);
        for (byte[] note : bad) {
            assertThat(reason(() -> Notes.open(note, List.of(peter))))
                    .as(new String(note, StandardCharsets.UTF_8)).isEqualTo(NoteException.Reason.MALFORMED);
        }
        assertThat(Notes.open(TEXT + "\n" + PETER_SIG.repeat(100), List.of(peter)).verifiedBy()).containsExactly(peter);
    }

    @Test
    void signingRefusesTextsThatAreNotNotes() {
        NoteSigner signer = NoteSigner.parse(PETER_SKEY);
        for (String text : List.of("", "abc", "tab\there\n", "lone \uD800 surrogate\n")) {
            assertThat(reason(() -> Notes.sign(text, signer))).as(text).isEqualTo(NoteException.Reason.MALFORMED);
        }
        assertThatThrownBy(() -> Notes.sign(TEXT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifierKeysMangledInAnyWayAreRefused() {
        assertMangledRefused(PETER_VKEY, NoteVerifier::parse);
        assertThat(reason(() -> NoteVerifier.parse(
                "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))).isEqualTo(NoteException.Reason.MALFORMED);
        assertThat(reason(() -> NoteVerifier.parse(
                "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))).isEqualTo(NoteException.Reason.MALFORMED);
        assertThat(reason(() -> NoteVerifier.parse(PETER_VKEY.replace("c74f20a3", "C74F20A3"))))
                .isEqualTo(NoteException.Reason.MALFORMED);
    }

    @Test
    void signerKeysMangledInAnyWayAreRefused() {
        assertMangledRefused(PETER_SKEY, NoteSigner::parse);
    }

    @Test
    void keyNamesFollowTheRules() {
        for (String name : List.of("", "a+b", "a b", "a\tb", "a\u00a0b", "a\u2003b", "a\u3000b", "a\nb", "a\u0085b")) {
            assertThat(NoteFormat.isValidKeyName(name)).as("[%s]", name).isFalse();
        }
        for (String name : List.of("PeterNeumann", "example.com/log42", "无锡.example/账本", "a-b_c:d")) {
            assertThat(NoteFormat.isValidKeyName(name)).as(name).isTrue();
        }
        assertThatThrownBy(() -> NoteSigner.generate("has space")).isInstanceOf(NoteException.class);
    }

    @Test
    void theSameTrustedKeyTwiceCountsOnce() {
        NoteVerifier real = NoteVerifier.parse(PETER_VKEY);
        VerifiedNote note = Notes.open(TEXT + "\n" + PETER_SIG + ENOCH_SIG, List.of(real, NoteVerifier.parse(PETER_VKEY)));
        assertThat(note.verifiedBy()).containsExactly(real);
        assertThat(note.unverified()).hasSize(1);
    }

    private interface Parser {
        Object parse(String text);
    }

    /** Every proper substring and every one-character change of a key is refused (as Go's tests demand). */
    private static void assertMangledRefused(String key, Parser parser) {
        parser.parse(key);
        for (int i = 0; i <= key.length(); i++) {
            for (int j = i + 1; j <= key.length(); j++) {
                if (i == 0 && j == key.length()) {
                    continue;
                }
                String part = key.substring(i, j);
                assertThat(reason(() -> parser.parse(part))).as(part).isEqualTo(NoteException.Reason.MALFORMED);
            }
        }
        char[] chars = key.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i]++;
            String changed = new String(chars);
            assertThat(reason(() -> parser.parse(changed))).as(changed).isEqualTo(NoteException.Reason.MALFORMED);
            chars[i]--;
        }
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
