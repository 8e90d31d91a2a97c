package org.communityledger.proofs.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published RFC 6962 / RFC 9162 reference vectors of Certificate Transparency, as kept in
 * github.com/transparency-dev/merkle (testonly/constants.go, cmd/proofgen/main.go and rfc6962/rfc6962_test.go at
 * commit 417fb0c314750d94e53942e9f92e79b6d35915db; the same values as google/certificate-transparency's tests).
 * Only the data is copied.
 */
class CertificateTransparencyVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    static final List<byte[]> LEAF_INPUTS = hexes(
            "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** Root hashes of the trees of the first 1..8 leaves. */
    static final List<byte[]> ROOTS = hexes(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** Every perfect subtree of the 8 leaves, by level and index. */
    static final List<List<byte[]>> NODES = List.of(
            hexes("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                    "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
            hexes("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            hexes("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            hexes("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

    /** Published inclusion proofs: leaf index (0-based), tree size, path. */
    record Inclusion(long index, long size, List<byte[]> path) {
    }

    static final List<Inclusion> INCLUSION_PROOFS = List.of(
            new Inclusion(0, 1, List.of()),
            new Inclusion(0, 8, hexes(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Inclusion(5, 8, hexes(
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Inclusion(2, 3, hexes(
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Inclusion(1, 5, hexes(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    /** Published consistency proofs: first size, second size, proof. */
    record Consistency(long first, long second, List<byte[]> proof) {
    }

    static final List<Consistency> CONSISTENCY_PROOFS = List.of(
            new Consistency(1, 1, List.of()),
            new Consistency(1, 8, hexes(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Consistency(6, 8, hexes(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Consistency(2, 5, hexes(
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Consistency(6, 7, hexes(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    @Test
    void hashesLeavesAndNodesAsPublished() {
        assertThat(HEX.formatHex(MerkleHashes.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(HEX.formatHex(MerkleHashes.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(HEX.formatHex(MerkleHashes.leafHash("L123456".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
        assertThat(HEX.formatHex(MerkleHashes.nodeHash("N123".getBytes(StandardCharsets.US_ASCII),
                "N456".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
    }

    @Test
    void rootsOfEverySizeAreThePublishedOnes() {
        InMemoryMerkleTree tree = InMemoryMerkleTree.ofLeafInputs(LEAF_INPUTS);
        PerfectSubtreeCache cache = PerfectSubtreeCache.inMemory(tree, 2);
        for (int size = 1; size <= 8; size++) {
            String expected = HEX.formatHex(ROOTS.get(size - 1));
            assertThat(HEX.formatHex(MerkleHashes.root(LEAF_INPUTS.subList(0, size)))).as("size %d", size).isEqualTo(expected);
            assertThat(HEX.formatHex(tree.root(size))).as("size %d", size).isEqualTo(expected);
            assertThat(HEX.formatHex(MerkleProofs.rootHash(cache, size))).as("size %d", size).isEqualTo(expected);
        }
        assertThat(HEX.formatHex(MerkleHashes.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void everyPerfectSubtreeIsThePublishedNode() {
        InMemoryMerkleTree tree = InMemoryMerkleTree.ofLeafInputs(LEAF_INPUTS);
        for (int stride = 1; stride <= 3; stride++) {
            PerfectSubtreeCache cache = PerfectSubtreeCache.inMemory(tree, stride);
            for (int level = 0; level < NODES.size(); level++) {
                for (int index = 0; index < NODES.get(level).size(); index++) {
                    String expected = HEX.formatHex(NODES.get(level).get(index));
                    assertThat(HEX.formatHex(tree.perfectSubtreeHash(level, index))).isEqualTo(expected);
                    assertThat(HEX.formatHex(cache.perfectSubtreeHash(level, index)))
                            .as("stride %d level %d index %d", stride, level, index).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void generatesAndVerifiesThePublishedInclusionProofs() {
        InMemoryMerkleTree tree = InMemoryMerkleTree.ofLeafInputs(LEAF_INPUTS);
        for (Inclusion vector : INCLUSION_PROOFS) {
            List<byte[]> proof = tree.inclusionProof(vector.index(), vector.size());
            assertThat(proof).as("%s", vector).usingElementComparator(CertificateTransparencyVectorsTest::compare)
                    .containsExactlyElementsOf(vector.path());
            byte[] leafHash = MerkleHashes.leafHash(LEAF_INPUTS.get((int) vector.index()));
            byte[] root = ROOTS.get((int) vector.size() - 1);
            assertThat(MerkleProofs.verifyInclusion(vector.index(), vector.size(), leafHash, vector.path(), root))
                    .as("%s", vector).isTrue();
            assertThat(MerkleProofs.verifyInclusion(vector.index(), vector.size(), leafHash, vector.path(),
                    ROOTS.get((int) vector.size() % 8))).as("another root").isFalse();
        }
    }

    @Test
    void generatesAndVerifiesThePublishedConsistencyProofs() {
        InMemoryMerkleTree tree = InMemoryMerkleTree.ofLeafInputs(LEAF_INPUTS);
        for (Consistency vector : CONSISTENCY_PROOFS) {
            List<byte[]> proof = tree.consistencyProof(vector.first(), vector.second());
            assertThat(proof).as("%s", vector).usingElementComparator(CertificateTransparencyVectorsTest::compare)
                    .containsExactlyElementsOf(vector.proof());
            byte[] firstRoot = ROOTS.get((int) vector.first() - 1);
            byte[] secondRoot = ROOTS.get((int) vector.second() - 1);
            assertThat(MerkleProofs.verifyConsistency(vector.first(), vector.second(), firstRoot, secondRoot,
                    vector.proof())).as("%s", vector).isTrue();
            if (vector.first() != vector.second()) {
                assertThat(MerkleProofs.verifyConsistency(vector.first(), vector.second(), secondRoot, firstRoot,
                        vector.proof())).as("swapped roots").isFalse();
            }
        }
    }

    static int compare(byte[] a, byte[] b) {
        return java.util.Arrays.compare(a, b);
    }

    static List<byte[]> hexes(String... values) {
        return java.util.Arrays.stream(values).map(HEX::parseHex).toList();
    }
}
