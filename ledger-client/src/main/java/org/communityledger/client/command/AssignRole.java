package org.communityledger.client.command;

/**
 * The body of {@link CommandApi#assignRole}.
 *
 * @param role     CHAIR_UNIT, VICE_CHAIR_UNIT, SECRETARIAT or LEADING_ENTERPRISE
 * @param transfer for CHAIR_UNIT only: take the role from the member that holds it instead of being refused
 */
public record AssignRole(String role, boolean transfer) {

    public static AssignRole of(String role) {
        return new AssignRole(role, false);
    }
}
