package org.communityledger.client.command;

import java.time.LocalDate;

/** The body of {@link CommandApi#awardPlaque}; the recipient must be an active member. */
public record AwardPlaque(String title, String recipientOrganizationId, String presentedBy, LocalDate awardedOn) {
}
