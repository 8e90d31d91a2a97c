package org.communityledger.verifier;

import java.util.ArrayList;
import java.util.List;

/** The problems found so far: every checkpoint's, the lines' up to a limit, and how many in all. */
final class Problems {

    private final List<Problem> listed = new ArrayList<>();
    private long lineProblemsListed;
    private long count;

    void add(Problem.Kind kind, Location location, String detail) {
        count++;
        boolean aboutALine = location instanceof Location.Line;
        if (aboutALine && lineProblemsListed == Report.MAX_LISTED_LINE_PROBLEMS) {
            return;
        }
        listed.add(new Problem(kind, location, detail));
        if (aboutALine) {
            lineProblemsListed++;
        }
    }

    List<Problem> listed() {
        return listed;
    }

    long count() {
        return count;
    }
}
