package org.communityledger.events.value;

/** What kind of organisation a member is. */
public enum OrganizationKind {
    UNIVERSITY,
    VOCATIONAL_COLLEGE,
    ENTERPRISE,
    INSTITUTION,
    GOVERNMENT
}
