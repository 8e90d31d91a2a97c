package org.communityledger.faults.hostile;

import java.util.ArrayList;
import java.util.List;

/** Making sure a request is refused: a second, certain defect where the first alone might pass. */
final class Refusals {

    private Refusals() {
    }

    /**
     * Adds a second defect that the services certainly refuse, chosen among those they check no earlier than
     * routing, content negotiation and authentication, so that the defect under test still meets its own check.
     */
    static void spoil(Draft draft, Dice dice, String keep) {
        if (draft.body != null) {
            List<Runnable> ways = new ArrayList<>();
            for (Field field : draft.endpoint.fields) {
                if (field.name().equals(keep)) {
                    continue;
                }
                if (field.required() && draft.body.has(field.name())) {
                    ways.add(() -> draft.body.remove(field.name()));
                }
                if (field.type() == FieldType.DATE) {
                    ways.add(() -> draft.body.put(field.name(), Json.str(Values.FAR_FUTURE_DATE)));
                }
                if (field.type() == FieldType.MERKLE_ROOT) {
                    ways.add(() -> draft.body.put(field.name(), Json.str("not-a-digest")));
                }
            }
            ways.add(() -> draft.body.put(Values.SPOILER_FIELD, Json.str("refuse me")));
            dice.pick(ways).run();
        } else if (draft.pathValues.containsKey("role") && !"role".equals(keep)) {
            draft.pathValues.put("role", "NOT_A_ROLE");
        } else if (draft.endpoint.command() && draft.pathValues.containsKey("communityId")
                && !"communityId".equals(keep)) {
            draft.pathValues.put("communityId", "not a community id");
        }
        // Anything else without a body is a read: it changes nothing whatever the answer.
    }

    /** Puts a value where the services must refuse it, spoiling the request when it lands in free text. */
    static void placeRefused(Draft draft, Dice dice, KnownTargets targets, List<Slot> slots, List<String> values) {
        for (int attempt = 0; attempt < 200; attempt++) {
            Slot slot = dice.pick(slots);
            String value = dice.pick(values);
            if (!slot.takes(value)) {
                continue;
            }
            if (slot.refuses(value)) {
                slot.place(draft, value, targets);
                if (!slot.required() && slot.inBody()) {
                    // Optional members (transfer, the digest's counts) are read leniently; do not rely on them.
                    spoil(draft, dice, slot.name());
                }
                return;
            }
            if (slot.freeText()) {
                slot.place(draft, value, targets);
                spoil(draft, dice, slot.name());
                return;
            }
        }
        throw new IllegalStateException("no refused place for " + draft.defect + " on " + draft.endpoint);
    }
}
