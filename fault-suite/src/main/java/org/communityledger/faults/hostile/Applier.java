package org.communityledger.faults.hostile;

/** What a defect does to a well-formed draft, drawing what it needs from the dice. */
@FunctionalInterface
interface Applier {
    void apply(Draft draft, Dice dice, KnownTargets targets);
}
