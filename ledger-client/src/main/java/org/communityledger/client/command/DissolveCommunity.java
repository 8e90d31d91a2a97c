package org.communityledger.client.command;

import java.time.LocalDate;

/** The body of {@link CommandApi#dissolve}. */
public record DissolveCommunity(String reason, LocalDate dissolvedOn) {
}
