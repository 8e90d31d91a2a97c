package org.communityledger.events.value;

/** A role a member unit can hold in a community. A community has at most one {@link #CHAIR_UNIT} at a time. */
public enum MemberRole {
    CHAIR_UNIT,
    VICE_CHAIR_UNIT,
    SECRETARIAT,
    LEADING_ENTERPRISE
}
