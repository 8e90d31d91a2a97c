package org.communityledger.faults.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded generator of requests that the contract refuses, spread over every endpoint of both services and
 * every kind of defect. The same seed, count and targets give the same requests, byte for byte.
 *
 * <p>Each request is made in three steps: pick an (endpoint, defect) pair, start from a well-formed request to
 * that endpoint, then let the defect break it. Where the defect alone might be tolerated (a hostile string in a
 * free-text field is legal text), the request is also "spoiled" with a second, certain defect that the services
 * check no earlier than the one under test, so nothing generated can ever be a valid command.
 */
public final class HostileRequests {

    /** Bodies stay below the services' 64 KB default limit unless the defect is the size itself. */
    static final int BODY_BUDGET = 60_000;
    /** Paths stay well below Tomcat's 8 KB request-header limit unless the defect is the length itself. */
    static final int PATH_BUDGET = 6_000;

    private HostileRequests() {
    }

    /**
     * @param seed    makes the run reproducible
     * @param count   how many requests
     * @param targets real ids of the live system, so that the defect is what gets refused
     */
    public static List<HostileRequest> generate(long seed, int count, KnownTargets targets) {
        Objects.requireNonNull(targets, "targets");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        List<Plan> plans = Plan.all();
        double totalWeight = plans.stream().mapToDouble(Plan::weight).sum();
        SplittableRandom seeds = new SplittableRandom(seed);
        List<HostileRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // One independent stream per request: a change in how one defect draws does not shift the others.
            Dice dice = new Dice(seeds.split());
            Plan plan = pick(plans, totalWeight, dice);
            Draft draft = new Draft(plan.endpoint(), plan.defect().label, targets, dice);
            plan.defect().applier.apply(draft, dice, targets);
            HostileRequest request = draft.build();
            Guard.check(request);
            requests.add(request);
        }
        return List.copyOf(requests);
    }

    private static Plan pick(List<Plan> plans, double totalWeight, Dice dice) {
        double point = dice.unit() * totalWeight;
        for (Plan plan : plans) {
            point -= plan.weight();
            if (point < 0) {
                return plan;
            }
        }
        return plans.get(plans.size() - 1);
    }

    /** One endpoint broken one way; the pairs are drawn by weight so that every pair is well represented. */
    record Plan(Endpoint endpoint, Defect defect) {

        double weight() {
            return defect.weight;
        }

        static List<Plan> all() {
            List<Plan> plans = new ArrayList<>();
            for (Endpoint endpoint : Endpoint.values()) {
                for (Defect defect : Defect.values()) {
                    if (defect.appliesTo.test(endpoint)) {
                        plans.add(new Plan(endpoint, defect));
                    }
                }
            }
            return plans;
        }
    }
}
