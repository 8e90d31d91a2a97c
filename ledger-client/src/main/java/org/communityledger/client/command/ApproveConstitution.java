package org.communityledger.client.command;

import java.time.LocalDate;

/** The body of {@link CommandApi#approveConstitution}: the version's label and the SHA-256 of its document. */
public record ApproveConstitution(String version, String documentSha256, LocalDate approvedOn) {
}
