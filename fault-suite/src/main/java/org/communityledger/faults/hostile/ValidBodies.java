package org.communityledger.faults.hostile;

import java.util.List;

/** Well-formed bodies: the starting point that every defect then breaks. */
final class ValidBodies {

    private ValidBodies() {
    }

    static JsonBody of(Endpoint endpoint, KnownTargets targets, Dice dice) {
        JsonBody body = new JsonBody();
        for (Field field : endpoint.fields) {
            body.put(field.name(), valid(field, targets, dice));
        }
        return body;
    }

    private static String valid(Field field, KnownTargets targets, Dice dice) {
        String member = targets.memberOrganizationId();
        return switch (field.type()) {
            case TEXT -> Json.str(field.name().equals("version") ? "v2025-" + dice.hex(6) : Values.text(dice));
            case UNCHECKED_TEXT -> Json.str("community-ledger/v1 sha-256 merkle over head hashes sorted by community id");
            case ORG_ID -> Json.str(field.name().equals("organizationId") ? "hostile-input-check-org" : member);
            case DATE -> Json.str(Values.PAST_DATE);
            case KIND -> Json.str("VOCATIONAL_COLLEGE");
            case ROLE -> Json.str("VICE_CHAIR_UNIT");
            case PROVINCE -> Json.str("CN-SC");
            case SHA256, MERKLE_ROOT -> Json.str("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
            case FLAG -> "false";
            case ORG_IDS -> Json.strings(List.of(member, "hostile-input-check-org"));
            case TEXTS -> Json.strings(List.of("Film and television talent training"));
            case POSITIONS -> Json.array(List.of(Json.position(member, "Chair unit")));
            case COUNT -> "12";
            case INSTANT -> Json.str("2025-10-19T08:00:00Z");
        };
    }
}
