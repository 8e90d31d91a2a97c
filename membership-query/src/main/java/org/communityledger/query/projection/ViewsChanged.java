package org.communityledger.query.projection;

/** Published when the projector's transaction changes views; listeners run after it commits. */
public record ViewsChanged(long position) {
}
