package org.communityledger.client.command;

import java.time.LocalDate;
import java.util.List;

/** The body of {@link CommandApi#approveOrganizationalList}: the governing positions of active members. */
public record ApproveOrganizationalList(List<Position> positions, LocalDate approvedOn) {

    public ApproveOrganizationalList {
        positions = List.copyOf(positions);
    }

    /** One line of the list: an organisation and the position it holds, e.g. "Chair unit". */
    public record Position(String organizationId, String position) {
    }
}
