package org.communityledger.faults;

/** One fault, injected into the running system under load, and the check of what it left behind. */
interface Scenario {

    /** Its number in the fault catalogue (issue 8), as the report shows it. */
    String number();

    String title();

    Outcome run(Drill drill) throws Exception;
}
