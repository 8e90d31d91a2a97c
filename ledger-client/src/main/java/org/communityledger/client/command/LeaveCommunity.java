package org.communityledger.client.command;

import java.time.LocalDate;

/** The body of {@link CommandApi#leave}. */
public record LeaveCommunity(String reason, LocalDate leftOn) {
}
