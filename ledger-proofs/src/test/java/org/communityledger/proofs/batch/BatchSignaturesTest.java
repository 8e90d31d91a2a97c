package org.communityledger.proofs.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.communityledger.proofs.note.NoteSigner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BatchSignaturesTest {

    private final NoteSigner ledger = NoteSigner.generate("ledger.example.edu.cn");
    private final NoteSigner stranger = NoteSigner.generate("ledger.example.edu.cn");

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 8, 200})
    void every_message_of_a_batch_verifies_after_a_round_trip_through_its_encoding(int size) {
        List<byte[]> messages = messages(size);
        List<BatchSignature> signatures = BatchSigner.sign(ledger, messages);
        BatchVerifier verifier = new BatchVerifier(ledger.verifier(), 16);

        assertThat(signatures).hasSize(size);
        for (int i = 0; i < size; i++) {
            BatchSignature read = BatchSignature.decode(signatures.get(i).encode());
            assertThat(read).isEqualTo(signatures.get(i));
            assertThat(verifier.refusal(messages.get(i), read)).as("message %d", i).isEmpty();
        }
        assertThat(verifier.rememberedRoots()).isEqualTo(1);
    }

    @Test
    void a_changed_message_is_refused_even_after_its_batch_root_was_verified() {
        List<byte[]> messages = messages(5);
        List<BatchSignature> signatures = BatchSigner.sign(ledger, messages);
        BatchVerifier verifier = new BatchVerifier(ledger.verifier(), 16);
        assertThat(verifier.refusal(messages.get(0), signatures.get(0))).isEmpty();

        byte[] changed = messages.get(3).clone();
        changed[changed.length - 1] ^= 1;
        assertThat(verifier.refusal(changed, signatures.get(3))).hasValueSatisfying(reason ->
                assertThat(reason).contains("does not match"));
    }

    @Test
    void a_message_with_another_messages_path_is_refused() {
        List<byte[]> messages = messages(4);
        List<BatchSignature> signatures = BatchSigner.sign(ledger, messages);
        BatchVerifier verifier = new BatchVerifier(ledger.verifier(), 16);

        assertThat(verifier.refusal(messages.get(1), signatures.get(2))).isPresent();
        BatchSignature wrongIndex = new BatchSignature(ledger.keyId(), signatures.get(1).signature(), 4, 0,
                signatures.get(1).path());
        assertThat(verifier.refusal(messages.get(1), wrongIndex)).isPresent();
    }

    @Test
    void a_batch_signed_by_another_key_with_the_same_name_is_refused() {
        List<byte[]> messages = messages(3);
        BatchVerifier verifier = new BatchVerifier(ledger.verifier(), 16);

        BatchSignature forged = BatchSigner.sign(stranger, messages).get(0);
        assertThat(verifier.refusal(messages.get(0), forged)).hasValueSatisfying(reason ->
                assertThat(reason).contains("not signed by"));
        // The stranger's signature under the ledger's key id is checked, not believed.
        BatchSignature borrowedId = new BatchSignature(ledger.keyId(), forged.signature(), 3, 0, forged.path());
        assertThat(verifier.refusal(messages.get(0), borrowedId)).isPresent();
        assertThat(verifier.rememberedRoots()).isZero();
    }

    @Test
    void a_path_too_short_or_too_long_for_the_batch_size_is_refused() {
        List<byte[]> messages = messages(8);
        BatchSignature genuine = BatchSigner.sign(ledger, messages).get(5);
        BatchVerifier verifier = new BatchVerifier(ledger.verifier(), 16);

        List<byte[]> shorter = genuine.path().subList(0, 2);
        assertThat(verifier.refusal(messages.get(5),
                new BatchSignature(ledger.keyId(), genuine.signature(), 8, 5, shorter))).isPresent();
        List<byte[]> longer = new ArrayList<>(genuine.path());
        longer.add(new byte[32]);
        assertThat(verifier.refusal(messages.get(5),
                new BatchSignature(ledger.keyId(), genuine.signature(), 8, 5, longer))).isPresent();
    }

    @Test
    void malformed_encodings_are_refused_with_a_reason() {
        byte[] encoded = BatchSigner.sign(ledger, messages(3)).get(1).encode();

        assertThatThrownBy(() -> BatchSignature.decode(new byte[75])).isInstanceOf(IllegalArgumentException.class);
        byte[] ragged = java.util.Arrays.copyOf(encoded, encoded.length - 1);
        assertThatThrownBy(() -> BatchSignature.decode(ragged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32-byte hashes");
        byte[] indexBeyond = encoded.clone();
        indexBeyond[4 + 64 + 4 + 3] = 9;
        assertThatThrownBy(() -> BatchSignature.decode(indexBeyond)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in a batch of 3");
        assertThatThrownBy(() -> BatchSigner.sign(ledger, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_verifier_forgets_the_least_recently_used_root_beyond_its_bound() {
        BatchVerifier verifier = new BatchVerifier(ledger.verifier(), 2);
        for (int batch = 0; batch < 5; batch++) {
            List<byte[]> messages = messages(2);
            messages.set(0, ("batch " + batch).getBytes(StandardCharsets.UTF_8));
            assertThat(verifier.refusal(messages.get(0), BatchSigner.sign(ledger, messages).get(0))).isEmpty();
        }
        assertThat(verifier.rememberedRoots()).isEqualTo(2);
    }

    private static List<byte[]> messages(int count) {
        return new ArrayList<>(IntStream.range(0, count)
                .mapToObj(i -> ("message " + i + " 成员").getBytes(StandardCharsets.UTF_8)).toList());
    }
}
