package org.communityledger.faults.hostile;

import java.util.List;

/** Well-formed requests that name what does not exist, or that break a rule of the community. */
final class ReferenceDefects {

    private ReferenceDefects() {
    }

    static boolean hasReference(Endpoint endpoint) {
        return switch (endpoint) {
            case LEAVE, ASSIGN_ROLE, REVOKE_ROLE, AWARD_PLAQUE, SIGN_AGREEMENT, REVOKE_PLAQUE, TERMINATE_AGREEMENT,
                 ORGANIZATION -> true;
            default -> false;
        };
    }

    static void unknownCommunity(Draft draft, Dice dice, KnownTargets targets) {
        draft.pathValues.put("communityId", dice.uuid());
    }

    static void unknownReference(Draft draft, Dice dice, KnownTargets targets) {
        switch (draft.endpoint) {
            case REVOKE_PLAQUE -> draft.pathValues.put("plaqueId", dice.uuid());
            case TERMINATE_AGREEMENT -> draft.pathValues.put("agreementId", dice.uuid());
            case AWARD_PLAQUE -> draft.body.put("recipientOrganizationId", Json.str(dice.ghostSlug()));
            case SIGN_AGREEMENT -> draft.body.put("partyOrganizationIds",
                    Json.strings(List.of(targets.memberOrganizationId(), dice.ghostSlug())));
            case ORGANIZATION -> draft.pathValues.put("organizationId",
                    dice.chance(0.5) ? dice.ghostSlug() : dice.validUscc());
            default -> draft.pathValues.put("organizationId", dice.ghostSlug());
        }
    }

    static void ruleViolation(Draft draft, Dice dice, KnownTargets targets) {
        String member = targets.memberOrganizationId();
        if (draft.endpoint == Endpoint.APPROVE_ORGANIZATIONAL_LIST) {
            // One organisation listed for two positions.
            draft.body.put("positions", Json.array(List.of(Json.position(member, "Chair unit"),
                    Json.position(member, "Secretariat"))));
        } else {
            // An agreement needs two distinct parties.
            draft.body.put("partyOrganizationIds", Json.strings(List.of(member, member)));
        }
    }
}
