package org.communityledger.faults.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Values that are refused where they are put: ids, dates, enums, digests, hostile text. */
final class ValueDefects {

    private ValueDefects() {
    }

    static Applier hostile(List<String> strings) {
        return (draft, dice, targets) -> Refusals.placeRefused(draft, dice, targets, Slot.of(draft.endpoint), strings);
    }

    static void hugeString(Draft draft, Dice dice, KnownTargets targets) {
        List<Slot> slots = Slot.of(draft.endpoint).stream()
                .filter(slot -> !slot.inBody() || slot.fieldType() != FieldType.UNCHECKED_TEXT).toList();
        Slot slot = dice.pick(slots);
        if (slot.inBody()) {
            int budget = dice.between(4_000, HostileRequests.BODY_BUDGET - 2_000);
            slot.place(draft, Values.hugeText(dice, budget), targets);
            if (!slot.required()) {
                Refusals.spoil(draft, dice, slot.name());
            }
            return;
        }
        // Over a hundred characters: longer than any id, filter or search text may be.
        String value = Values.hugeUrlText(dice, dice.between(1_000, 3_900));
        if (!slot.takes(value) || !slot.refuses(value)) {
            throw new IllegalStateException("a long URL value is not refused in " + slot);
        }
        slot.place(draft, value, targets);
    }

    static void invalidId(Draft draft, Dice dice, KnownTargets targets) {
        List<Slot> slots = Slot.of(draft.endpoint).stream().filter(Slot::id).toList();
        List<String> values = new ArrayList<>(Values.INVALID_ORGANIZATION_IDS);
        values.addAll(Values.INVALID_OPAQUE_IDS);
        Refusals.placeRefused(draft, dice, targets, slots, values);
    }

    static void invalidUscc(Draft draft, Dice dice, KnownTargets targets) {
        List<Slot> slots = Slot.of(draft.endpoint).stream().filter(Slot::organization).toList();
        Refusals.placeRefused(draft, dice, targets, slots, Values.invalidUsccs(dice));
    }

    static void invalidDate(Draft draft, Dice dice, KnownTargets targets) {
        if (draft.endpoint == Endpoint.AUDIT_STATE) {
            draft.query.clear();
            draft.setQuery("asOf", dice.pick(Values.INVALID_INSTANTS));
            return;
        }
        if (draft.endpoint == Endpoint.AUDIT_VERIFY_DIGEST) {
            draft.body.put("createdAt", dice.chance(0.7) ? Json.str(dice.pick(Values.INVALID_INSTANTS))
                    : dice.pick(Values.WRONG_TYPE_FOR_INSTANT));
            Refusals.spoil(draft, dice, "createdAt");
            return;
        }
        Field field = dice.pick(datesOf(draft.endpoint));
        draft.body.put(field.name(), dice.chance(0.75) ? Json.str(dice.pick(Values.INVALID_DATES))
                : dice.pick(Values.INVALID_DATE_TOKENS));
    }

    static void futureDate(Draft draft, Dice dice, KnownTargets targets) {
        Field field = dice.pick(datesOf(draft.endpoint));
        draft.body.put(field.name(), dice.chance(0.75) ? Json.str(dice.pick(Values.FUTURE_DATES))
                : dice.pick(Values.FUTURE_DATE_TOKENS));
    }

    /** Well-formed dates before the community existed: a rule violation (409), or "not yet" in time travel. */
    static void ancientDate(Draft draft, Dice dice, KnownTargets targets) {
        if (draft.endpoint == Endpoint.AUDIT_STATE) {
            draft.query.clear();
            draft.setQuery("asOf", dice.pick(Values.ANCIENT_INSTANTS));
            return;
        }
        Field field = dice.pick(datesOf(draft.endpoint));
        draft.body.put(field.name(), Json.str(dice.pick(Values.ANCIENT_DATES)));
    }

    private static List<Field> datesOf(Endpoint endpoint) {
        return endpoint.fields.stream().filter(field -> field.type() == FieldType.DATE).toList();
    }

    static void invalidEnum(Draft draft, Dice dice, KnownTargets targets) {
        Slot slot = dice.pick(Slot.of(draft.endpoint).stream().filter(ValueDefects::enumSlot).toList());
        List<String> values = new ArrayList<>();
        boolean province = slot.fieldType() == FieldType.PROVINCE || slot.name().equals("province");
        values.addAll(province ? Values.INVALID_PROVINCES : Values.INVALID_ROLES);
        if (!province) {
            values.addAll(Values.INVALID_KINDS);
        }
        Refusals.placeRefused(draft, dice, targets, List.of(slot), values);
    }

    private static boolean enumSlot(Slot slot) {
        return slot.inBody() ? slot.fieldType() == FieldType.KIND || slot.fieldType() == FieldType.ROLE
                || slot.fieldType() == FieldType.PROVINCE
                : slot.name().equals("role") || slot.name().equals("province") || slot.name().equals("kind");
    }

    static void invalidDigest(Draft draft, Dice dice, KnownTargets targets) {
        List<Slot> slots = Slot.of(draft.endpoint).stream().filter(slot -> slot.inBody()
                && (slot.fieldType() == FieldType.SHA256 || slot.fieldType() == FieldType.MERKLE_ROOT)).toList();
        Refusals.placeRefused(draft, dice, targets, slots, Values.invalidDigests(dice));
    }

    static void badCollectionSize(Draft draft, Dice dice, KnownTargets targets) {
        String member = targets.memberOrganizationId();
        if (draft.endpoint == Endpoint.APPROVE_ORGANIZATIONAL_LIST) {
            // @NotEmpty and at most 500 positions.
            draft.body.put("positions", dice.chance(0.5) ? "[]" : Json.array(IntStream.range(0, 501)
                    .mapToObj(i -> Json.position("holder-" + i + "-" + dice.hex(4), "Member")).toList()));
            return;
        }
        // Two to fifty parties; at most fifty scope items.
        switch (dice.below(4)) {
            case 0 -> draft.body.put("partyOrganizationIds", "[]");
            case 1 -> draft.body.put("partyOrganizationIds", Json.strings(List.of(member)));
            case 2 -> draft.body.put("partyOrganizationIds", Json.strings(IntStream.range(0, 51)
                    .mapToObj(i -> "party-" + i + "-" + dice.hex(4)).toList()));
            default -> draft.body.put("scope", Json.strings(IntStream.range(0, 51)
                    .mapToObj(i -> "Scope item " + i).toList()));
        }
    }

    static void badQueryParameter(Draft draft, Dice dice, KnownTargets targets) {
        if (draft.endpoint == Endpoint.AUDIT_STATE && dice.chance(0.3)) {
            // Exactly one of version and asOf: both, or neither, is refused.
            draft.query.clear();
            if (dice.chance(0.5)) {
                draft.setQuery("version", "1");
                draft.setQuery("asOf", "2025-10-19T08:00:00Z");
            }
            return;
        }
        Param param = dice.pick(draft.endpoint.params);
        List<String> candidates = switch (param.type()) {
            case INSTANT -> Values.INVALID_INSTANTS;
            case PROVINCE_FILTER -> Values.INVALID_PROVINCES;
            case NAME_FILTER -> concat(Values.INVALID_KINDS, Values.INVALID_ROLES);
            case SEARCH -> List.of("", "x".repeat(dice.between(101, 1_500)), "界".repeat(dice.between(101, 400)));
            case OPAQUE_ID -> Values.INVALID_OPAQUE_IDS;
            default -> numbers(param.type(), dice);
        };
        List<String> refused = candidates.stream().filter(value -> !param.type().accepts(Url.asReceived(value)))
                .toList();
        if (draft.endpoint == Endpoint.AUDIT_STATE) {
            draft.query.clear();
        }
        draft.setQuery(param.name(), dice.pick(refused));
    }

    private static List<String> numbers(ParamType type, Dice dice) {
        List<String> numbers = new ArrayList<>(List.of("-1", "abc", "1.5", "1e3", "99999999999999999999", "NaN",
                "Infinity", "1,000", "1_000", "true", "null", "[1]", "{}", "1 OR 1=1", "1;DROP TABLE community",
                "0x", "--1", "1\u0000", "½", "'", "-9223372036854775809", "1/0", "١٢", "１２"));
        numbers.addAll(switch (type) {
            case PAGE -> List.of("-5", "-2147483649", "2147483648");
            case PAGE_SIZE -> List.of("0", "201", "1000000", "-" + dice.between(1, 100));
            case LIMIT -> List.of("0", "1001", "2147483648", "-" + dice.between(1, 100));
            case CHANGES_LIMIT -> List.of("0", "201", "2147483648", "-" + dice.between(1, 100));
            case VERSION -> List.of("0", "-" + dice.between(1, 100));
            default -> List.of("-" + dice.between(1, 1_000_000), "-9223372036854775808", "9223372036854775808");
        });
        return numbers;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
