package org.communityledger.client.command;

/** The body of {@link CommandApi#revokePlaque}. */
public record RevokePlaque(String reason) {
}
