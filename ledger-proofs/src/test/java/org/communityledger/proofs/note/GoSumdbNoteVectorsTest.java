package org.communityledger.proofs.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keys and notes published with Go's reference implementation, golang.org/x/mod/sumdb/note (note_test.go and
 * sumdb/client_test.go, github.com/golang/mod at commit fe2ec04), the Go module mirror's real key, and the
 * example of c2sp.org/signed-note. Only the data is copied.
 */
class GoSumdbNoteVectorsTest {

    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIG = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    @Test
    void readsTheVerifierKey() {
        NoteVerifier peter = NoteVerifier.parse(PETER_VKEY);
        assertThat(peter.name()).isEqualTo("PeterNeumann");
        assertThat(peter.keyId()).isEqualTo(0xc74f20a3);
        assertThat(peter.encoded()).isEqualTo(PETER_VKEY);
        assertThat(NoteVerifier.of("PeterNeumann", peter.publicKey())).isEqualTo(peter);
    }

    @Test
    void derivesThePublicKeyAndIdFromTheSignerKey() {
        NoteSigner signer = NoteSigner.parse(PETER_SKEY);
        assertThat(signer.verifier().encoded()).isEqualTo(PETER_VKEY);
        assertThat(signer.encoded()).isEqualTo(PETER_SKEY);
        assertThat(signer.toString()).doesNotContain("AYEKFALV");
    }

    @Test
    void signsExactlyAsGoDoes() {
        SignedNote note = Notes.sign(TEXT, NoteSigner.parse(PETER_SKEY));
        assertThat(note.format()).isEqualTo(TEXT + "\n" + PETER_SIG);
    }

    @Test
    void opensNotesSignedByGo() {
        NoteVerifier peter = NoteVerifier.parse(PETER_VKEY);
        NoteVerifier enoch = NoteVerifier.parse(ENOCH_VKEY);
        String both = TEXT + "\n" + PETER_SIG + ENOCH_SIG;

        VerifiedNote byPeter = Notes.open(both, List.of(peter));
        assertThat(byPeter.text()).isEqualTo(TEXT);
        assertThat(byPeter.verifiedBy()).containsExactly(peter);
        assertThat(byPeter.unverified()).singleElement().satisfies(signature -> {
            assertThat(signature.keyName()).isEqualTo("EnochRoot");
            assertThat(signature.keyId()).isEqualTo(0xaf0cfe78);
        });

        VerifiedNote byBoth = Notes.open(both.getBytes(StandardCharsets.UTF_8), List.of(enoch, peter));
        assertThat(byBoth.verifiedBy()).containsExactly(peter, enoch);
        assertThat(byBoth.unverified()).isEmpty();

        assertThatThrownBy(() -> Notes.open(both, List.of()))
                .isInstanceOfSatisfying(NoteException.class,
                        e -> assertThat(e.reason()).isEqualTo(NoteException.Reason.UNVERIFIED));
        assertThat(Notes.open(TEXT + "\n" + PETER_SIG + PETER_SIG, List.of(peter)).verifiedBy()).containsExactly(peter);
    }

    @Test
    void readsTheSumdbTestKeysWhoseBase64HoldsAPlus() {
        NoteVerifier verifier = NoteVerifier.parse("localhost.localdev/sumdb+00000c67+AcTrnkbUA+TU4heY3hkjiSES/DSQniBqIeQ/YppAUtK6");
        NoteSigner signer = NoteSigner.parse("PRIVATE+KEY+localhost.localdev/sumdb+00000c67+AXu6+oaVaOYuQOFrf1V59JK1owcFlJcHwwXHDfDGxSPk");
        assertThat(signer.verifier()).isEqualTo(verifier);
        assertThat(verifier.keyId()).isEqualTo(0x00000c67);
        assertThat(verifier.encoded()).isEqualTo("localhost.localdev/sumdb+00000c67+AcTrnkbUA+TU4heY3hkjiSES/DSQniBqIeQ/YppAUtK6");
    }

    @Test
    void readsTheGoChecksumDatabaseKey() {
        NoteVerifier sumGolangOrg = NoteVerifier.parse("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8");
        assertThat(sumGolangOrg.name()).isEqualTo("sum.golang.org");
        assertThat(sumGolangOrg.keyId()).isEqualTo(0x033de0ae);
    }

    @Test
    void opensTheSignedNoteSpecExample() {
        NoteVerifier foo = NoteVerifier.parse("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");
        VerifiedNote note = Notes.open("This is an example message.\n\n"
                + "— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n",
                List.of(foo));
        assertThat(note.text()).isEqualTo("This is an example message.\n");
    }
}
