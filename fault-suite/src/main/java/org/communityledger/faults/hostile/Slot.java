package org.communityledger.faults.hostile;

import static org.communityledger.faults.hostile.HostileRequest.Service.QUERY;

import java.util.ArrayList;
import java.util.List;

/** A place for one text value: a body member (or an element of a list member), a path segment, a parameter. */
record Slot(Where where, String name, FieldType fieldType, int maxLength, ParamType paramType,
            boolean required) {

    enum Where {
        BODY, PATH, QUERY
    }

    static Slot body(Field field) {
        return new Slot(Where.BODY, field.name(), field.type(), field.maxLength(), null, field.required());
    }

    static Slot path(String key) {
        return new Slot(Where.PATH, key, null, 0, null, true);
    }

    static Slot param(Param param) {
        return new Slot(Where.QUERY, param.name(), null, 0, param.type(), false);
    }

    static List<Slot> of(Endpoint endpoint) {
        List<Slot> slots = new ArrayList<>();
        endpoint.fields.forEach(field -> slots.add(body(field)));
        for (String key : List.of("communityId", "organizationId", "role", "plaqueId", "agreementId")) {
            if (endpoint.hasPathValue(key)) {
                slots.add(path(key));
            }
        }
        endpoint.params.forEach(param -> slots.add(param(param)));
        return slots;
    }

    boolean inBody() {
        return where == Where.BODY;
    }

    /** Free text takes any Unicode: a hostile string there is legal unless it is too long. */
    boolean freeText() {
        return inBody() && (fieldType == FieldType.TEXT || fieldType == FieldType.UNCHECKED_TEXT
                || fieldType == FieldType.TEXTS);
    }

    boolean organization() {
        return inBody() ? fieldType == FieldType.ORG_ID || fieldType == FieldType.ORG_IDS
                || fieldType == FieldType.POSITIONS : name.equals("organizationId");
    }

    boolean id() {
        return organization() || !inBody() && (name.equals("communityId") || name.equals("plaqueId")
                || name.equals("agreementId"));
    }

    /** Whether the value can be put here at all: a URL must stay short and pass the HTTP firewall. */
    boolean takes(String value) {
        if (inBody()) {
            return true;
        }
        String received = Url.asReceived(value);
        if (Url.encode(received).length() > 4_000) {
            return false;
        }
        return where != Where.PATH || Shapes.pathSegmentSafe(received);
    }

    /** Whether the services must refuse the value here, by the rules mirrored in {@link Shapes}. */
    boolean refuses(String value) {
        if (inBody()) {
            return switch (fieldType) {
                case TEXT -> value.length() > maxLength;
                case UNCHECKED_TEXT -> false;
                case ORG_ID, ORG_IDS, POSITIONS -> !Shapes.organizationId(value);
                case DATE -> !Shapes.pastOrPresentDate(value);
                case KIND -> !Shapes.jacksonEnum(value, Shapes.KINDS);
                case ROLE -> !Shapes.jacksonEnum(value, Shapes.ROLES);
                case PROVINCE -> !Shapes.province(value);
                case SHA256 -> !Shapes.sha256(value);
                case MERKLE_ROOT -> !Shapes.merkleRoot(value);
                case FLAG -> !Shapes.jacksonBoolean(value);
                case TEXTS -> value.length() > 200;
                case COUNT -> !Shapes.wholeNumberIn(value, Long.MIN_VALUE, Long.MAX_VALUE);
                case INSTANT -> !value.isBlank() && !Shapes.instant(value);
            };
        }
        String received = Url.asReceived(value);
        if (where == Where.QUERY) {
            return !paramType.accepts(received);
        }
        return switch (name) {
            case "organizationId" -> !Shapes.organizationId(received);
            case "role" -> !Shapes.ROLES.contains(received);
            default -> !Shapes.opaqueId(received);
        };
    }

    void place(Draft draft, String value, KnownTargets targets) {
        switch (where) {
            case PATH -> draft.pathValues.put(name, value);
            case QUERY -> {
                if (draft.endpoint == Endpoint.AUDIT_STATE) {
                    draft.query.clear();
                }
                draft.setQuery(name, value);
            }
            default -> draft.body.put(name, switch (fieldType) {
                case ORG_IDS -> Json.strings(List.of(targets.memberOrganizationId(), value));
                case TEXTS -> Json.strings(List.of(value));
                case POSITIONS -> Json.array(List.of(Json.position(value, "Chair unit")));
                default -> Json.str(value);
            });
        }
    }
}
