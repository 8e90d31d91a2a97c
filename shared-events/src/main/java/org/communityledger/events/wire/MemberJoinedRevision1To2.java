package org.communityledger.events.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * MemberJoined revision 1 (the walking skeleton's) listed the organisation's fields beside the community
 * id; revision 2 groups them as {@code organization}, the value the rest of the domain passes around.
 */
final class MemberJoinedRevision1To2 implements EventUpcaster {

    private static final String[] ORGANIZATION_FIELDS = {"organizationId", "name", "kind", "province"};

    @Override
    public String eventName() {
        return "MemberJoined";
    }

    @Override
    public int fromRevision() {
        return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode json) {
        ObjectNode organization = json.objectNode();
        for (String field : ORGANIZATION_FIELDS) {
            if (json.has(field)) {
                organization.set(field, json.remove(field));
            }
        }
        ObjectNode revision2 = json.objectNode();
        revision2.set("communityId", json.remove("communityId"));
        revision2.set("organization", organization);
        revision2.setAll(json);
        return revision2;
    }
}
