package org.communityledger.proofs.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The verification probes of github.com/transparency-dev/merkle (testdata/inclusion and testdata/consistency):
 * published proofs with one thing wrong at a time (a flipped bit, a proof element added, removed or
 * duplicated, a size or index off, garbage before or after, swapped or wrong roots), each saying whether a
 * verifier must accept it. The files under src/test/resources name their source and licence.
 */
class TransparencyDevProbesTest {

    // Sizes and indexes are uint64 in the probes; those of 2^63 and more read as negative longs, which this
    // verifier refuses like any impossible size.

    /**
     * Where this verifier is deliberately stricter than transparency-dev's: it takes only 32-byte hashes, and
     * this probe accepts two equal 16-byte "roots" of a one-leaf tree.
     */
    private static final Set<String> STRICTER = Set.of("additional/sizes-are-equal-one-and-proof-is-empty");

    @Test
    void inclusionProbes() throws IOException {
        List<String[]> probes = read("inclusion-probes.tsv");
        assertThat(probes).hasSize(98);
        List<String> wrong = new ArrayList<>();
        for (String[] probe : probes) {
            boolean wantError = probe[0].equals("1");
            boolean valid = MerkleProofs.verifyInclusion(Long.parseUnsignedLong(probe[1]), Long.parseUnsignedLong(probe[2]),
                    bytes(probe[4]), proof(probe[5]), bytes(probe[3]));
            if (valid == wantError) {
                wrong.add(probe[6] + (wantError ? " was accepted" : " was refused"));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(probes.stream().filter(p -> p[0].equals("0")).count()).as("probes that must pass").isGreaterThan(5);
    }

    @Test
    void consistencyProbes() throws IOException {
        List<String[]> probes = read("consistency-probes.tsv");
        assertThat(probes).hasSize(98);
        List<String> wrong = new ArrayList<>();
        for (String[] probe : probes) {
            boolean wantError = probe[0].equals("1") || STRICTER.contains(probe[6]);
            boolean valid = MerkleProofs.verifyConsistency(Long.parseUnsignedLong(probe[1]), Long.parseUnsignedLong(probe[2]),
                    bytes(probe[3]), bytes(probe[4]), proof(probe[5]));
            if (valid == wantError) {
                wrong.add(probe[6] + (wantError ? " was accepted" : " was refused"));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(probes.stream().filter(p -> p[0].equals("0")).count()).as("probes that must pass").isGreaterThan(5);
    }

    private static byte[] bytes(String field) {
        return field.equals("-") ? new byte[0] : Base64.getDecoder().decode(field);
    }

    private static List<byte[]> proof(String field) {
        if (field.equals("-")) {
            return List.of();
        }
        return Arrays.stream(field.split(",", -1)).map(h -> h.equals("_") ? new byte[0] : bytes(h)).toList();
    }

    private static List<String[]> read(String resource) throws IOException {
        List<String[]> probes = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                TransparencyDevProbesTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] fields = line.split("\t", -1);
                    assertThat(fields).as(line).hasSize(7);
                    probes.add(fields);
                }
            }
        }
        return probes;
    }
}
