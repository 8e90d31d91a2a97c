package org.communityledger.proofs.chain;

/** Which chain hash sealed an event. */
public enum HashVersion {

    /** {@code community-ledger/v1}: newline-separated header and payload (membership-command today). */
    V1("community-ledger/v1"),
    /** {@code ledger-chain-v2}: every field length-prefixed, event id, position, principal and more included. */
    V2("ledger-chain-v2");

    private final String tag;

    HashVersion(String tag) {
        this.tag = tag;
    }

    /** The domain tag that starts the hashed bytes, and names the version in metadata. */
    public String tag() {
        return tag;
    }

    /**
     * The version named by a tag, as an event's metadata may carry it; no tag at all is v1, since events sealed
     * before v2 carry none.
     *
     * @throws IllegalArgumentException for an unknown tag
     */
    public static HashVersion ofTag(String tag) {
        if (tag == null) {
            return V1;
        }
        for (HashVersion version : values()) {
            if (version.tag.equals(tag)) {
                return version;
            }
        }
        throw new IllegalArgumentException("unknown chain hash version: " + tag);
    }
}
