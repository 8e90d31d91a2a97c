package org.communityledger.command.community;

/**
 * The rules a community enforces. Each refusal names its rule, which becomes the problem type
 * ({@code urn:community-ledger:rule:<name>}) of the 409 answer.
 */
public enum Rule {
    /** An organisation is an active member at most once; it may rejoin after leaving. */
    ALREADY_ACTIVE_MEMBER("already-active-member"),
    /** Roles, plaques, agreements and leaving involve active members only. */
    NOT_AN_ACTIVE_MEMBER("not-an-active-member"),
    /** At most one chair unit at a time, unless the command says to transfer it. */
    CHAIR_UNIT_TAKEN("chair-unit-taken"),
    ROLE_ALREADY_HELD("role-already-held"),
    ROLE_NOT_HELD("role-not-held"),
    /** A dissolved community accepts no further command. */
    COMMUNITY_DISSOLVED("community-dissolved"),
    /** Dates are not in the future. */
    DATE_IN_THE_FUTURE("date-in-the-future"),
    /** Dates are not before the community was established. */
    DATE_BEFORE_ESTABLISHMENT("date-before-establishment"),
    /** A constitution version is approved once; amendments get a new version. */
    CONSTITUTION_VERSION_EXISTS("constitution-version-exists"),
    /** An organisational list names each organisation once. */
    POSITION_HOLDER_LISTED_TWICE("position-holder-listed-twice"),
    PLAQUE_ALREADY_REVOKED("plaque-already-revoked"),
    /** An agreement has at least two distinct parties. */
    AGREEMENT_NEEDS_TWO_DISTINCT_PARTIES("agreement-needs-two-distinct-parties"),
    AGREEMENT_ALREADY_TERMINATED("agreement-already-terminated");

    private final String problemName;

    Rule(String problemName) {
        this.problemName = problemName;
    }

    public String problemName() {
        return problemName;
    }

    RuleViolation violated(String detail) {
        return new RuleViolation(this, detail);
    }
}
