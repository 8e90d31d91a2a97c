package org.communityledger.query.rebuild;

/** Published when a rebuild has switched readers to new views (with a new change log). */
public record ViewsReplaced() {
}
