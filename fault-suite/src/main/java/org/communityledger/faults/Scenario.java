package org.communityledger.faults;

/** One fault, injected into the running system under load, and the check of what it left behind. */
abstract class Scenario {

    private final String number;
    private final String title;

    /**
     * @param number its number in the fault catalogue, as the report shows it ({@code c} for the cluster's)
     * @param title  what it does, in a line
     */
    Scenario(String number, String title) {
        this.number = number;
        this.title = title;
    }

    final String number() {
        return number;
    }

    final String title() {
        return title;
    }

    abstract Outcome run(Drill drill) throws Exception;
}
