package org.communityledger.query.rebuild;

/**
 * Published after a rebuild tried to switch readers to new views; {@code switched} says whether it did (the
 * new views come with a new change log).
 */
public record ViewsReplaced(boolean switched) {
}
