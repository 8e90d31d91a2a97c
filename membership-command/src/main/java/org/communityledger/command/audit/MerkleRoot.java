package org.communityledger.command.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle root of a list of SHA-256 hashes: leaves are the hashes' 32 bytes in list order; each parent is
 * SHA-256(left || right); an odd node at the end of a level moves up unchanged. No leaves: SHA-256 of nothing.
 */
final class MerkleRoot {

    private MerkleRoot() {
    }

    static String of(List<String> hexHashes) {
        HexFormat hex = HexFormat.of();
        List<byte[]> level = new ArrayList<>();
        hexHashes.forEach(hash -> level.add(hex.parseHex(hash)));
        if (level.isEmpty()) {
            return hex.formatHex(sha256().digest());
        }
        List<byte[]> current = level;
        while (current.size() > 1) {
            List<byte[]> parents = new ArrayList<>();
            for (int i = 0; i < current.size(); i += 2) {
                if (i + 1 == current.size()) {
                    parents.add(current.get(i));
                } else {
                    MessageDigest sha256 = sha256();
                    sha256.update(current.get(i));
                    sha256.update(current.get(i + 1));
                    parents.add(sha256.digest());
                }
            }
            current = parents;
        }
        return hex.formatHex(current.get(0));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
