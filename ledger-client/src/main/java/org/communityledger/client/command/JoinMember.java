package org.communityledger.client.command;

import java.time.LocalDate;

/**
 * The body of {@link CommandApi#join}.
 *
 * @param kind     UNIVERSITY, VOCATIONAL_COLLEGE, ENTERPRISE, INSTITUTION or GOVERNMENT
 * @param province an ISO 3166-2:CN code such as {@code CN-SC}
 */
public record JoinMember(String organizationId, String name, String kind, String province, LocalDate joinedOn) {
}
