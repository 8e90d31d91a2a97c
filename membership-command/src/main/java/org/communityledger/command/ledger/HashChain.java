package org.communityledger.command.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tamper-evidence hash of an event, chained to the community's previous event. The canonical encoding
 * (docs/audit.md, "Verifying the ledger yourself") is, in UTF-8, each on its own line ending in LF:
 * {@code community-ledger/v1}, communityId, version, event name, revision, timestamp as stored, prevHash;
 * followed by the payload bytes exactly as stored. The first event chains from {@link #GENESIS}.
 */
public final class HashChain {

    /** The prevHash of a community's first event. */
    public static final String GENESIS = "0".repeat(64);
    private static final String DOMAIN = "community-ledger/v1";

    private HashChain() {
    }

    public static String hash(String communityId, long version, String eventName, String revision, String timestamp,
                              String prevHash, byte[] payload) {
        MessageDigest sha256 = sha256();
        String header = DOMAIN + "\n" + communityId + "\n" + version + "\n" + eventName + "\n" + revision + "\n"
                + timestamp + "\n" + prevHash + "\n";
        sha256.update(header.getBytes(StandardCharsets.UTF_8));
        sha256.update(payload);
        return HexFormat.of().formatHex(sha256.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
