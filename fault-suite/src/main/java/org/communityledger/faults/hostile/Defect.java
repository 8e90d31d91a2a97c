package org.communityledger.faults.hostile;

import java.util.function.Predicate;

/** Every kind of defect, where it applies, and how often relative to the others. */
enum Defect {
    BROKEN_JSON("broken-json", 1, Endpoint::hasBody, BodyDefects::brokenJson),
    DEEP_NESTING("deep-nesting", 1, Endpoint::hasBody, BodyDefects::deepNesting),
    WRONG_TYPE("wrong-type", 1, Endpoint::hasBody, BodyDefects::wrongType),
    MISSING_FIELD("missing-field", 1, Endpoint::hasBody, BodyDefects::missingField),
    NULL_FIELD("null-field", 1, Endpoint::hasBody, BodyDefects::nullField),
    UNKNOWN_FIELD("unknown-field", 1, Endpoint::hasBody, BodyDefects::unknownField),
    DUPLICATE_KEY("duplicate-key", 1, Endpoint::hasBody, BodyDefects::duplicateKey),
    HUGE_NUMBER("huge-number", 1, e -> e.hasBody() || e.hasNumericParam(), BodyDefects::hugeNumber),
    HUGE_STRING("huge-string", 1, Endpoint::hasSlots, ValueDefects::hugeString),
    SQL_INJECTION("sql-injection", 1, Endpoint::hasSlots, ValueDefects.hostile(Values.SQL_INJECTION)),
    SCRIPT_INJECTION("script-injection", 1, Endpoint::hasSlots, ValueDefects.hostile(Values.SCRIPT_INJECTION)),
    CODE_INJECTION("code-injection", 1, Endpoint::hasSlots, ValueDefects.hostile(Values.CODE_INJECTION)),
    CONTROL_CHARS("control-chars", 1, Endpoint::hasSlots, ValueDefects.hostile(Values.CONTROL_CHARS)),
    UNICODE_EDGE("unicode-edge", 1, Endpoint::hasSlots, ValueDefects.hostile(Values.UNICODE_EDGE)),
    INVALID_ID("invalid-id", 1, Endpoint::hasIdSlot, ValueDefects::invalidId),
    INVALID_USCC("invalid-uscc", 1, Endpoint::hasOrganizationSlot, ValueDefects::invalidUscc),
    INVALID_DATE("invalid-date", 1, e -> e.hasField(FieldType.DATE) || e.hasField(FieldType.INSTANT)
            || e == Endpoint.AUDIT_STATE, ValueDefects::invalidDate),
    FUTURE_DATE("future-date", 1, e -> e.hasField(FieldType.DATE), ValueDefects::futureDate),
    ANCIENT_DATE("ancient-date", 1, e -> e.hasField(FieldType.DATE) && e != Endpoint.ESTABLISH
            || e == Endpoint.AUDIT_STATE, ValueDefects::ancientDate),
    INVALID_ENUM("invalid-enum", 1, Endpoint::hasEnumSlot, ValueDefects::invalidEnum),
    INVALID_SHA256("invalid-sha256", 1, e -> e.hasField(FieldType.SHA256) || e.hasField(FieldType.MERKLE_ROOT),
            ValueDefects::invalidDigest),
    BAD_COLLECTION_SIZE("bad-collection-size", 1, e -> e.hasField(FieldType.ORG_IDS)
            || e.hasField(FieldType.POSITIONS), ValueDefects::badCollectionSize),
    BAD_QUERY_PARAMETER("bad-query-parameter", 1, Endpoint::hasParams, ValueDefects::badQueryParameter),
    UNKNOWN_COMMUNITY("unknown-community", 1, e -> e.hasPathValue("communityId"),
            ReferenceDefects::unknownCommunity),
    UNKNOWN_REFERENCE("unknown-reference", 1, ReferenceDefects::hasReference, ReferenceDefects::unknownReference),
    RULE_VIOLATION("rule-violation", 1, e -> e == Endpoint.APPROVE_ORGANIZATIONAL_LIST
            || e == Endpoint.SIGN_AGREEMENT, ReferenceDefects::ruleViolation),
    WRONG_CONTENT_TYPE("wrong-content-type", 1, Endpoint::hasBody, TransportDefects::wrongContentType),
    WRONG_ACCEPT("wrong-accept", 1, e -> e != Endpoint.DASHBOARD, TransportDefects::wrongAccept),
    OVERSIZED_BODY("oversized-body", 0.2, e -> true, TransportDefects::oversizedBody),
    BAD_IF_MATCH("bad-if-match", 1, Endpoint::command, HeaderDefects::badIfMatch),
    BAD_IDEMPOTENCY_KEY("bad-idempotency-key", 1, Endpoint::command, HeaderDefects::badIdempotencyKey),
    BAD_CORRELATION_ID("bad-correlation-id", 1, Endpoint::command, HeaderDefects::badCorrelationId),
    // The dashboard's page is open: credentials, good or bad, do not matter there.
    BAD_CREDENTIALS("bad-credentials", 0.5, e -> e != Endpoint.DASHBOARD, HeaderDefects::badCredentials),
    WRONG_METHOD("wrong-method", 1, e -> true, RoutingDefects::wrongMethod),
    UNKNOWN_PATH("unknown-path", 1, e -> true, RoutingDefects::unknownPath),
    PATH_TRAVERSAL("path-traversal", 1, e -> true, RoutingDefects::pathTraversal),
    MALFORMED_PATH("malformed-path", 0.5, e -> true, RoutingDefects::malformedPath),
    EXOTIC_METHOD("exotic-method", 0.3, e -> true, RoutingDefects::exoticMethod),
    OVERSIZED_URI("oversized-uri", 0.2, e -> true, RoutingDefects::oversizedUri);

    final String label;
    final double weight;
    final Predicate<Endpoint> appliesTo;
    final Applier applier;

    Defect(String label, double weight, Predicate<Endpoint> appliesTo, Applier applier) {
        this.label = label;
        this.weight = weight;
        this.appliesTo = appliesTo;
        this.applier = applier;
    }
}
