/**
 * The hash that seals each stored event and chains it to its community's previous event.
 *
 * <p><b>v1</b> ({@code community-ledger/v1}) is what membership-command computes and stores today in each
 * event's metadata ({@code prevHash}, {@code hash}); {@link org.communityledger.proofs.chain.ChainHash#v1} gives
 * byte-identical results. It covers the community, version, name, revision, timestamp, previous hash and
 * payload, but not the event id, global position or who caused it, and it separates fields by newlines, which a
 * field containing a newline could fake.
 *
 * <p><b>v2</b> ({@code ledger-chain-v2}) covers every field an auditor relies on, each length-prefixed so that
 * no two different events encode alike; see {@link org.communityledger.proofs.chain.ChainHash#v2}.
 *
 * <p>Both are lowercase hex of SHA-256, and both chain the first event of a community from
 * {@link org.communityledger.proofs.chain.ChainHash#GENESIS}, 64 zeros.
 */
package org.communityledger.proofs.chain;
