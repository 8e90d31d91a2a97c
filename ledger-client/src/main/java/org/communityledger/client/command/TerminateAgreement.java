package org.communityledger.client.command;

import java.time.LocalDate;

/** The body of {@link CommandApi#terminateAgreement}. */
public record TerminateAgreement(String reason, LocalDate terminatedOn) {
}
