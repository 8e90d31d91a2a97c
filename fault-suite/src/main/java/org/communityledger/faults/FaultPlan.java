package org.communityledger.faults;

import java.time.Duration;

/**
 * How hard and how long the suite pushes: load before and after each fault, and the hostile request count.
 *
 * @param clients         client threads of the steady load
 * @param pause           each client's rest between two commands
 * @param before          load before the fault
 * @param after           load after recovery, before the check
 * @param hostileRequests bad requests of scenario 10
 */
record FaultPlan(int clients, Duration pause, Duration before, Duration after, int hostileRequests) {

    static FaultPlan full() {
        return new FaultPlan(4, Duration.ofMillis(40), Duration.ofSeconds(8), Duration.ofSeconds(8), 10_000);
    }
}
