package org.communityledger.faults.hostile;

import static org.communityledger.faults.hostile.HostileRequest.Service.COMMAND;
import static org.communityledger.faults.hostile.HostileRequest.Service.QUERY;

import java.util.List;
import org.communityledger.faults.hostile.HostileRequest.Service;

/** Every endpoint of both services, with what its body and query accept. */
enum Endpoint {
    ESTABLISH(COMMAND, "POST", "/api/communities", List.of(Field.text("name", 200), Field.text("sector", 200),
            Field.text("region", 200), Field.of("hostOrganizationId", FieldType.ORG_ID), Field.text("venue", 200),
            Field.of("establishedOn", FieldType.DATE)), List.of()),
    APPROVE_CONSTITUTION(COMMAND, "POST", "/api/communities/{communityId}/constitution",
            List.of(Field.text("version", 50), Field.of("documentSha256", FieldType.SHA256),
                    Field.of("approvedOn", FieldType.DATE)), List.of()),
    APPROVE_ORGANIZATIONAL_LIST(COMMAND, "POST", "/api/communities/{communityId}/organizational-list",
            List.of(Field.of("positions", FieldType.POSITIONS), Field.of("approvedOn", FieldType.DATE)), List.of()),
    JOIN(COMMAND, "POST", "/api/communities/{communityId}/members", List.of(
            Field.of("organizationId", FieldType.ORG_ID), Field.text("name", 200), Field.of("kind", FieldType.KIND),
            Field.of("province", FieldType.PROVINCE), Field.of("joinedOn", FieldType.DATE)), List.of()),
    LEAVE(COMMAND, "POST", "/api/communities/{communityId}/members/{organizationId}/leave",
            List.of(Field.text("reason", 500), Field.of("leftOn", FieldType.DATE)), List.of()),
    ASSIGN_ROLE(COMMAND, "POST", "/api/communities/{communityId}/members/{organizationId}/roles",
            List.of(Field.of("role", FieldType.ROLE), Field.optional("transfer", FieldType.FLAG)), List.of()),
    REVOKE_ROLE(COMMAND, "DELETE", "/api/communities/{communityId}/members/{organizationId}/roles/{role}",
            List.of(), List.of()),
    AWARD_PLAQUE(COMMAND, "POST", "/api/communities/{communityId}/plaques", List.of(Field.text("title", 200),
            Field.of("recipientOrganizationId", FieldType.ORG_ID), Field.text("presentedBy", 200),
            Field.of("awardedOn", FieldType.DATE)), List.of()),
    REVOKE_PLAQUE(COMMAND, "POST", "/api/communities/{communityId}/plaques/{plaqueId}/revoke",
            List.of(Field.text("reason", 500)), List.of()),
    SIGN_AGREEMENT(COMMAND, "POST", "/api/communities/{communityId}/agreements", List.of(Field.text("title", 200),
            Field.of("partyOrganizationIds", FieldType.ORG_IDS), Field.of("scope", FieldType.TEXTS),
            Field.of("signedOn", FieldType.DATE)), List.of()),
    TERMINATE_AGREEMENT(COMMAND, "POST", "/api/communities/{communityId}/agreements/{agreementId}/terminate",
            List.of(Field.text("reason", 500), Field.of("terminatedOn", FieldType.DATE)), List.of()),
    DISSOLVE(COMMAND, "POST", "/api/communities/{communityId}/dissolve",
            List.of(Field.text("reason", 500), Field.of("dissolvedOn", FieldType.DATE)), List.of()),
    AUDIT_COMMUNITY_EVENTS(COMMAND, "GET", "/api/audit/communities/{communityId}/events", List.of(),
            List.of(new Param("afterVersion", ParamType.POSITION), new Param("limit", ParamType.LIMIT))),
    AUDIT_FEED(COMMAND, "GET", "/api/audit/events", List.of(),
            List.of(new Param("after", ParamType.POSITION), new Param("limit", ParamType.LIMIT))),
    AUDIT_STATE(COMMAND, "GET", "/api/audit/communities/{communityId}/state", List.of(),
            List.of(new Param("version", ParamType.VERSION), new Param("asOf", ParamType.INSTANT))),
    AUDIT_VERIFY(COMMAND, "GET", "/api/audit/communities/{communityId}/verify", List.of(), List.of()),
    AUDIT_DIGEST(COMMAND, "GET", "/api/audit/digest", List.of(), List.of()),
    AUDIT_VERIFY_DIGEST(COMMAND, "POST", "/api/audit/digest/verify", List.of(
            Field.optional("algorithm", FieldType.UNCHECKED_TEXT), Field.optional("position", FieldType.COUNT),
            Field.optional("communities", FieldType.COUNT), Field.optional("events", FieldType.COUNT),
            Field.of("merkleRoot", FieldType.MERKLE_ROOT), Field.optional("createdAt", FieldType.INSTANT)),
            List.of()),
    AUDIT_EXPORT(COMMAND, "GET", "/api/audit/export", List.of(), List.of(new Param("communityId",
            ParamType.OPAQUE_ID), new Param("after", ParamType.POSITION), new Param("upTo", ParamType.POSITION))),
    COMMUNITIES(QUERY, "GET", "/api/communities", List.of(), List.of(new Param("q", ParamType.SEARCH),
            new Param("page", ParamType.PAGE), new Param("size", ParamType.PAGE_SIZE),
            new Param("minPosition", ParamType.POSITION))),
    COMMUNITY(QUERY, "GET", "/api/communities/{communityId}", List.of(),
            List.of(new Param("minPosition", ParamType.POSITION))),
    MEMBERS(QUERY, "GET", "/api/communities/{communityId}/members", List.of(), List.of(
            new Param("province", ParamType.PROVINCE_FILTER), new Param("kind", ParamType.NAME_FILTER),
            new Param("role", ParamType.NAME_FILTER), new Param("q", ParamType.SEARCH),
            new Param("page", ParamType.PAGE), new Param("size", ParamType.PAGE_SIZE),
            new Param("minPosition", ParamType.POSITION))),
    ORGANIZATION(QUERY, "GET", "/api/organizations/{organizationId}", List.of(),
            List.of(new Param("minPosition", ParamType.POSITION))),
    STATS(QUERY, "GET", "/api/stats", List.of(), List.of(new Param("minPosition", ParamType.POSITION))),
    TIMELINE(QUERY, "GET", "/api/stats/timeline", List.of(), List.of(new Param("minPosition", ParamType.POSITION))),
    CHANGES(QUERY, "GET", "/api/changes", List.of(), List.of(new Param("limit", ParamType.CHANGES_LIMIT))),
    STREAM(QUERY, "GET", "/api/stream", List.of(), List.of()),
    /**
     * The dashboard's page: open to anyone by design (it holds no data and signs in for the API itself), so only
     * what cannot be it is refused here: other methods, unknown and traversing paths.
     */
    DASHBOARD(QUERY, "GET", "/", List.of(), List.of()),
    /** Only ever sent with another method: a well-formed POST would start a rebuild. */
    REBUILD(QUERY, "POST", "/api/admin/projections/rebuild", List.of(), List.of()),
    REBUILD_STATUS(QUERY, "GET", "/api/admin/projections/status", List.of(), List.of());

    final Service service;
    final String method;
    final String template;
    final List<Field> fields;
    final List<Param> params;

    Endpoint(Service service, String method, String template, List<Field> fields, List<Param> params) {
        this.service = service;
        this.method = method;
        this.template = template;
        this.fields = fields;
        this.params = params;
    }

    String label() {
        return method + " " + template;
    }

    boolean hasBody() {
        return !fields.isEmpty();
    }

    boolean hasParams() {
        return !params.isEmpty();
    }

    boolean hasPathValue(String key) {
        return template.contains("{" + key + "}");
    }

    boolean hasField(FieldType type) {
        return fields.stream().anyMatch(field -> field.type() == type);
    }

    boolean hasNumericParam() {
        return params.stream().anyMatch(param -> param.type().numeric());
    }

    /** A command: appends events when it succeeds. */
    boolean command() {
        return service == COMMAND && template.startsWith("/api/communities");
    }

    /** A command whose success would undo something the rest of the suite relies on. */
    boolean destructive() {
        return this == LEAVE || this == REVOKE_ROLE || this == REVOKE_PLAQUE || this == TERMINATE_AGREEMENT
                || this == DISSOLVE;
    }

    boolean hasSlots() {
        return hasBody() || hasParams() || template.contains("{");
    }

    boolean hasIdSlot() {
        return template.contains("{communityId}") || template.contains("{organizationId}")
                || template.contains("{plaqueId}") || template.contains("{agreementId}")
                || hasField(FieldType.ORG_ID) || hasField(FieldType.ORG_IDS) || hasField(FieldType.POSITIONS)
                || this == AUDIT_EXPORT;
    }

    boolean hasOrganizationSlot() {
        return template.contains("{organizationId}") || hasField(FieldType.ORG_ID) || hasField(FieldType.ORG_IDS)
                || hasField(FieldType.POSITIONS);
    }

    boolean hasEnumSlot() {
        return hasField(FieldType.KIND) || hasField(FieldType.ROLE) || hasField(FieldType.PROVINCE)
                || template.contains("{role}") || this == MEMBERS;
    }
}
