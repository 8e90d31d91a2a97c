package org.communityledger.faults.hostile;

/** Headers the command service reads, and credentials. */
final class HeaderDefects {

    private HeaderDefects() {
    }

    /**
     * The body stays valid so that only the header is wrong. Commands whose success would undo what the rest of
     * the suite relies on aim at an unknown community; the others hit the real one half of the time, so that a
     * header the service failed to check shows up as an accepted command.
     */
    private static void aim(Draft draft, Dice dice) {
        if (draft.pathValues.containsKey("communityId") && (draft.endpoint.destructive() || dice.chance(0.5))) {
            draft.pathValues.put("communityId", dice.uuid());
        }
    }

    static void badIfMatch(Draft draft, Dice dice, KnownTargets targets) {
        aim(draft, dice);
        draft.headers.put("If-Match", dice.pick(Values.INVALID_IF_MATCH));
    }

    static void badIdempotencyKey(Draft draft, Dice dice, KnownTargets targets) {
        aim(draft, dice);
        draft.headers.put("Idempotency-Key", refusedToken(dice));
    }

    static void badCorrelationId(Draft draft, Dice dice, KnownTargets targets) {
        aim(draft, dice);
        draft.headers.put("X-Correlation-Id", refusedToken(dice));
    }

    private static String refusedToken(Dice dice) {
        return dice.pick(Values.invalidTokens(dice).stream().filter(token -> !Shapes.headerToken(token)).toList());
    }

    static void badCredentials(Draft draft, Dice dice, KnownTargets targets) {
        Refusals.spoil(draft, dice, null);
        draft.headers.put("Authorization", dice.pick(Values.badAuthorizations(dice)));
    }
}
