package org.communityledger.client.command;

import java.time.LocalDate;

/** The body of {@link CommandApi#establish}; the host is an organisation id (a USCC or a slug). */
public record EstablishCommunity(String name, String sector, String region, String hostOrganizationId, String venue,
                                 LocalDate establishedOn) {
}
