package org.communityledger.command.transparency;

import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.communityledger.command.eventstore.StoreEventSource;
import org.communityledger.command.transparency.TreeStore.Progress;
import org.communityledger.command.transparency.TreeStore.SettledEvent;
import org.communityledger.command.transparency.TreeStore.State;
import org.communityledger.proofs.tree.MerkleHashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.sql.SQLException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Grows the transparency log: settles positions, then appends the settled events as leaves, in position order.
 *
 * <p><b>Settling.</b> Positions are handed out before commit, so a committed event may sit above a hole that a
 * command still committing is about to fill, or that a rolled-back command left for good. A run settles the
 * gap-free run of stored positions at once. A hole that is still there on the next run is looked at under the
 * {@linkplain org.communityledger.command.ledger.TransparencyFence settling fence}: once every append holding
 * positions has ended, every position handed out so far is stored or never will be, and the event table's
 * insert trigger refuses any later attempt to fill one. So leaf indexes never move.
 *
 * <p><b>Appending.</b> Each batch is one transaction holding the state row, so two command instances never
 * append the same leaf: the second finds the first one's leaves and goes on after them.
 *
 * <p><b>When.</b> A run is due every {@code sealInterval} after a commit was seen or announced
 * ({@link StoreEventSource#commitsSoFar()}), while the previous run left positions to look at again, and
 * otherwise once per {@code idleSealInterval}: a run costs five statements, and running every second while
 * nothing happened was a fifth of what an idle service asked of PostgreSQL.
 */
@Component
class TreeSealer {

    private static final Logger log = LoggerFactory.getLogger(TreeSealer.class);
    /** How many positions beyond the settled one a run looks at to find the gap-free run. */
    private static final int SCAN = 10_000;
    /** How long commands may queue behind the fence while the sealer waits for it. */
    private static final Duration FENCE_PATIENCE = Duration.ofMillis(200);

    private final TreeStore store;
    private final StoredTree tree;
    private final TransactionTemplate transaction;
    private final TransparencyProperties properties;
    private final StoreEventSource commits;
    /** The first hole seen by the previous run, if any: the same hole again is given up for good. */
    private Long previousHole;
    /** Whether the previous run left positions beyond the settled one that a later run must look at. */
    private boolean unsettledLeft = true;
    private long commitsAtLastRun = -1;
    private long lastRunAtNanos;

    TreeSealer(TreeStore store, StoredTree tree, TransactionTemplate transaction, TransparencyProperties properties,
               StoreEventSource commits) {
        this.store = store;
        this.tree = tree;
        this.transaction = transaction;
        this.properties = properties;
        this.commits = commits;
    }

    @Scheduled(fixedDelayString = "${ledger.transparency.seal-interval:1s}",
            initialDelayString = "${ledger.transparency.seal-interval:1s}")
    void sealOnSchedule() {
        long seen = commits.commitsSoFar();
        boolean due = unsettledLeft || seen != commitsAtLastRun
                || System.nanoTime() - lastRunAtNanos >= properties.idleSealInterval().toNanos();
        if (!due) {
            return;
        }
        commitsAtLastRun = seen;
        lastRunAtNanos = System.nanoTime();
        try {
            seal();
        } catch (RuntimeException e) {
            unsettledLeft = true;
            log.error("The transparency log could not grow; it stays at its last size until this is mended", e);
        }
    }

    /** One run: settles what can be settled and appends every settled event as a leaf. Answers the tree size. */
    synchronized long seal() {
        Progress progress = store.progress(SCAN);
        settle(progress);
        long size = progress.treeSize();
        while (true) {
            Long grown = transaction.execute(status -> appendBatch());
            if (grown == null || grown == size) {
                return size;
            }
            size = grown;
        }
    }

    private void settle(Progress progress) {
        long gapFree = progress.settledPosition();
        List<Long> after = progress.positionsAfterSettled();
        for (long position : after) {
            if (position != gapFree + 1) {
                break;
            }
            gapFree = position;
        }
        Long hole = !after.isEmpty() && gapFree < after.get(after.size() - 1) ? gapFree + 1 : null;
        // A hole is looked at again, and a full scan may have more behind it.
        unsettledLeft = hole != null || after.size() >= SCAN;
        if (hole != null && hole.equals(previousHole)) {
            try {
                transaction.executeWithoutResult(status -> {
                    store.lockState();
                    store.advanceSettled(store.lastPositionUnderFence(FENCE_PATIENCE));
                });
                previousHole = null;
                unsettledLeft = true;
            } catch (DataAccessException e) {
                if (!lockTimedOut(e)) {
                    throw e;
                }
                log.info("An append held positions for longer than {}; the hole at position {} is looked at again "
                        + "on the next run", FENCE_PATIENCE, hole);
            }
        } else {
            if (gapFree > progress.settledPosition()) {
                store.advanceSettled(gapFree);
            }
            previousHole = hole;
        }
    }

    private static boolean lockTimedOut(DataAccessException e) {
        return NestedExceptionUtils.getMostSpecificCause(e) instanceof SQLException sql
                && "55P03".equals(sql.getSQLState());
    }

    /** Appends the next batch of settled events as leaves; answers the tree's new size. */
    private long appendBatch() {
        State state = store.lockState();
        long size = state.treeSize();
        List<SettledEvent> events = store.eventsToSeal(store.lastLeafPosition(size), state.settledPosition(),
                properties.sealBatch());
        if (events.isEmpty()) {
            return size;
        }
        List<byte[]> leafHashes = events.stream().map(event -> MerkleHashes.leafHash(leafInput(event))).toList();
        store.appendLeaves(size, events, leafHashes);
        Map<Long, byte[]> newLeaves = new HashMap<>();
        for (int i = 0; i < leafHashes.size(); i++) {
            newLeaves.put(size + i, leafHashes.get(i));
        }
        tree.extend(size, size + events.size(), newLeaves);
        store.recordTreeSize(size + events.size());
        return size + events.size();
    }

    /** The leaf input: the event's 32-byte chain hash. An event without a readable one halts the log. */
    private static byte[] leafInput(SettledEvent event) {
        String hash = event.hash();
        if (hash == null || hash.length() != 64 || !hash.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalStateException("the event at position " + event.position() + " (community "
                    + event.communityId() + ", version " + event.version() + ") has no readable chain hash: the "
                    + "store was altered, and the transparency log will not seal it");
        }
        return HexFormat.of().parseHex(hash);
    }
}
