package org.communityledger.proofs.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519Test {

    private static final HexFormat HEX = HexFormat.of();
    /** RFC 8410: SubjectPublicKeyInfo of Ed25519, before the 32 key bytes. */
    private static final byte[] X509_PREFIX = HEX.parseHex("302a300506032b6570032100");
    /** RFC 8410: PKCS#8 v1 PrivateKeyInfo of Ed25519, before the 32 seed bytes. */
    private static final byte[] PKCS8_PREFIX = HEX.parseHex("302e020100300506032b657004220420");

    @Test
    void rfc8032TestVectorOne() {
        byte[] seed = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        KeyPair pair = Ed25519.keyPairFromSeed(seed);
        assertThat(HEX.formatHex(Ed25519.rawPublicKey(pair.getPublic())))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] signature = Ed25519.sign(pair.getPrivate(), new byte[0]);
        assertThat(HEX.formatHex(signature)).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb"
                + "8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(Ed25519.verify(Ed25519.publicKey(Ed25519.rawPublicKey(pair.getPublic())), new byte[0], signature)).isTrue();
    }

    @Test
    void rawFormsMatchTheStandardEncodingsOfManyKeys() {
        boolean sawOddX = false;
        boolean sawEvenX = false;
        for (int i = 0; i < 64; i++) {
            KeyPair pair = Ed25519.generateKeyPair();
            byte[] x509 = pair.getPublic().getEncoded();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            assertThat(Arrays.copyOf(x509, 12)).isEqualTo(X509_PREFIX);
            assertThat(Arrays.copyOf(pkcs8, 16)).isEqualTo(PKCS8_PREFIX);

            byte[] raw = Ed25519.rawPublicKey(pair.getPublic());
            assertThat(raw).isEqualTo(Arrays.copyOfRange(x509, 12, 44));
            assertThat(Ed25519.publicKey(raw).getEncoded()).isEqualTo(x509);
            byte[] seed = Ed25519.seed(pair.getPrivate());
            assertThat(seed).isEqualTo(Arrays.copyOfRange(pkcs8, 16, 48));
            assertThat(Ed25519.privateKey(seed).getEncoded()).isEqualTo(pkcs8);
            assertThat(Ed25519.keyPairFromSeed(seed).getPublic().getEncoded()).isEqualTo(x509);

            byte[] message = ("message " + i).getBytes(StandardCharsets.UTF_8);
            assertThat(Ed25519.verify(Ed25519.publicKey(raw), message, Ed25519.sign(Ed25519.privateKey(seed), message)))
                    .isTrue();
            if ((raw[31] & 0x80) != 0) {
                sawOddX = true;
            } else {
                sawEvenX = true;
            }
        }
        assertThat(sawOddX && sawEvenX).as("both parities of x were exercised").isTrue();
    }

    @Test
    void refusesWhatIsNotAKey() {
        assertThatThrownBy(() -> Ed25519.publicKey(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ed25519.keyPairFromSeed(new byte[33])).isInstanceOf(IllegalArgumentException.class);
        KeyPair pair = Ed25519.generateKeyPair();
        assertThat(Ed25519.verify(pair.getPublic(), new byte[0], new byte[63])).isFalse();
        assertThat(Ed25519.verify(pair.getPublic(), new byte[0], null)).isFalse();
    }
}
