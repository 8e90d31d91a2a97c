package org.communityledger.platform.problem;

/** One field of a request that was refused, and why. Listed under {@code errors} in a problem body. */
public record FieldProblem(String field, String message) {
}
