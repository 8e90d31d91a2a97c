package org.communityledger.client.command;

import java.time.LocalDate;
import java.util.List;

/** The body of {@link CommandApi#signAgreement}: two or more distinct active members, and what they agree on. */
public record SignAgreement(String title, List<String> partyOrganizationIds, List<String> scope, LocalDate signedOn) {

    public SignAgreement {
        partyOrganizationIds = List.copyOf(partyOrganizationIds);
        scope = List.copyOf(scope);
    }
}
