package org.communityledger.faults.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Bodies that are not JSON, or JSON of the wrong shape. */
final class BodyDefects {

    private BodyDefects() {
    }

    static void brokenJson(Draft draft, Dice dice, KnownTargets targets) {
        // Spoiled first: should a parser tolerate the breakage, the request is still refused.
        Refusals.spoil(draft, dice, null);
        String text = draft.body.text();
        String field = anyMember(draft, dice);
        String broken = switch (dice.below(16)) {
            case 0 -> text.substring(0, dice.between(1, text.length() - 1));
            case 1 -> text + dice.pickOf(" xyz", "}", "}}", " {}", ",", "]", "\u0000", " // comment", "\n{\"a\":1}");
            case 2 -> draft.body.put(field, dice.pickOf("NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.",
                    "0x1F", "1e", "--1", "undefined", "True", "nul")).text();
            case 3 -> text.replace('"', '\'');
            case 4 -> "/* hostile */" + text;
            case 5 -> text.substring(0, text.length() - 1) + ",}";
            case 6 -> text.replaceAll("\"([A-Za-z]+)\":", "$1:");
            case 7 -> "\ufeff" + text;
            case 8 -> draft.body.put(field, "\"raw\u0001control\"").text();
            case 9 -> "{" + Json.str(field) + ":\"unterminated";
            case 10 -> draft.body.put(field, dice.pickOf("\"\\x41\"", "\"\\u12\"", "\"\\uZZZZ\"", "\"\\\"", "\"\\q\""))
                    .text();
            case 11 -> dice.pickOf("", "   \n\t ", "null", "[]", "\"text\"", "42", "true", "[" + text + "]");
            case 12 -> "{" + Json.str(field) + " \"x\"}";
            case 13 -> dice.pickOf("{", "[", "}", "{{}}", "{,}", "{\"a\"}", "{:1}");
            case 14 -> null; // invalid UTF-8, below
            default -> text.replaceFirst(",", "");
        };
        if (broken == null) {
            draft.rawBody = withInvalidUtf8(draft.body, field, dice);
        } else {
            draft.rawBody = broken.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A member of the body, or of the endpoint when spoiling emptied the body. */
    private static String anyMember(Draft draft, Dice dice) {
        List<String> names = draft.body.names();
        return names.isEmpty() ? draft.endpoint.fields.get(0).name() : dice.pick(names);
    }

    /** Bytes that no UTF-8 decoder accepts (or that only a careless one does), inside a string member. */
    private static byte[] withInvalidUtf8(JsonBody body, String field, Dice dice) {
        String marker = "MARKER-" + dice.hex(8);
        byte[] text = body.put(field, Json.str(marker)).bytes();
        byte[] invalid = dice.pickOf(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0x80}, new byte[] {(byte) 0xE4, (byte) 0xB8}, new byte[] {(byte) 0xED,
                        (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80});
        String asText = new String(text, StandardCharsets.ISO_8859_1);
        int at = asText.indexOf(marker);
        byte[] result = new byte[text.length - marker.length() + invalid.length];
        System.arraycopy(text, 0, result, 0, at);
        System.arraycopy(invalid, 0, result, at, invalid.length);
        System.arraycopy(text, at + marker.length(), result, at + invalid.length, text.length - at - marker.length());
        return result;
    }

    static void deepNesting(Draft draft, Dice dice, KnownTargets targets) {
        Refusals.spoil(draft, dice, null);
        int depth = dice.between(600, 5_000);
        String field = anyMember(draft, dice);
        String text = switch (dice.below(5)) {
            case 0 -> Json.nestedArrays(depth);
            case 1 -> draft.body.put(field, Json.nestedArrays(depth)).text();
            case 2 -> draft.body.put(field, Json.nestedObjects(depth)).text();
            case 3 -> draft.body.put(field, "[{\"a\":".repeat(depth / 2) + "1" + "}]".repeat(depth / 2)).text();
            default -> "[".repeat(depth);
        };
        draft.rawBody = text.getBytes(StandardCharsets.UTF_8);
    }

    static void wrongType(Draft draft, Dice dice, KnownTargets targets) {
        Field field = dice.pick(draft.endpoint.fields);
        List<String> wrong = switch (field.type()) {
            case TEXT, UNCHECKED_TEXT, ORG_ID, PROVINCE, SHA256, MERKLE_ROOT -> Values.WRONG_TYPE_FOR_TEXT;
            case KIND, ROLE -> Values.WRONG_TYPE_FOR_ENUM;
            case DATE -> Values.INVALID_DATE_TOKENS;
            case FLAG -> Values.WRONG_TYPE_FOR_FLAG;
            case ORG_IDS, TEXTS -> Values.WRONG_TYPE_FOR_LIST;
            case POSITIONS -> Values.WRONG_TYPE_FOR_POSITIONS;
            case COUNT -> Values.WRONG_TYPE_FOR_COUNT;
            case INSTANT -> Values.WRONG_TYPE_FOR_INSTANT;
        };
        draft.body.put(field.name(), dice.pick(wrong));
        if (!field.required()) {
            Refusals.spoil(draft, dice, field.name());
        }
    }

    static void missingField(Draft draft, Dice dice, KnownTargets targets) {
        List<Field> required = draft.endpoint.fields.stream().filter(Field::required).toList();
        if (dice.chance(0.15)) {
            draft.body.clear();
            return;
        }
        draft.body.remove(dice.pick(required).name());
    }

    static void nullField(Draft draft, Dice dice, KnownTargets targets) {
        Field field = dice.pick(draft.endpoint.fields.stream().filter(Field::required).toList());
        boolean list = field.type() == FieldType.ORG_IDS || field.type() == FieldType.TEXTS
                || field.type() == FieldType.POSITIONS;
        if (list && dice.chance(0.5)) {
            // A null element: refused by the element constraints (@NotNull, @NotBlank).
            draft.body.put(field.name(), field.type() == FieldType.ORG_IDS
                    ? "[" + Json.str(targets.memberOrganizationId()) + ",null]" : "[null]");
        } else {
            draft.body.put(field.name(), "null");
        }
    }

    static void unknownField(Draft draft, Dice dice, KnownTargets targets) {
        if (draft.endpoint == Endpoint.APPROVE_ORGANIZATIONAL_LIST && dice.chance(0.3)) {
            draft.body.put("positions", "[{\"organizationId\":" + Json.str(targets.memberOrganizationId())
                    + ",\"position\":\"Chair unit\",\"rank\":1}]");
            return;
        }
        List<String> known = draft.endpoint.fields.stream().map(Field::name).toList();
        List<String> names = Values.UNKNOWN_FIELD_NAMES.stream().filter(name -> !known.contains(name)).toList();
        String value = dice.pickOf(Json.str("x"), "1", "null", "{}", "true", "[]",
                Json.str(dice.pick(Values.SQL_INJECTION)));
        draft.body.insert(dice.below(draft.body.size() + 1), dice.pick(names), value);
    }

    static void duplicateKey(Draft draft, Dice dice, KnownTargets targets) {
        Field field = dice.pick(draft.endpoint.fields);
        // Both values refused: whether the parser keeps the first or the last, the request is refused.
        draft.body.put(field.name(), refusedRaw(field, dice));
        draft.body.append(field.name(), refusedRaw(field, dice));
        if (!field.required()) {
            Refusals.spoil(draft, dice, field.name());
        }
    }

    private static String refusedRaw(Field field, Dice dice) {
        return switch (field.type()) {
            case ORG_ID -> refusedText(field, Values.INVALID_ORGANIZATION_IDS, dice);
            case DATE -> refusedText(field, Values.INVALID_DATES, dice);
            case KIND -> refusedText(field, Values.INVALID_KINDS, dice);
            case ROLE -> refusedText(field, Values.INVALID_ROLES, dice);
            case PROVINCE -> refusedText(field, Values.INVALID_PROVINCES, dice);
            case SHA256, MERKLE_ROOT -> refusedText(field, Values.invalidDigests(dice), dice);
            case TEXT, UNCHECKED_TEXT -> dice.pick(Values.WRONG_TYPE_FOR_TEXT);
            case FLAG -> dice.pick(Values.WRONG_TYPE_FOR_FLAG);
            case ORG_IDS, TEXTS -> dice.pick(Values.WRONG_TYPE_FOR_LIST);
            case POSITIONS -> dice.pick(Values.WRONG_TYPE_FOR_POSITIONS);
            case COUNT -> dice.pick(Values.WRONG_TYPE_FOR_COUNT);
            case INSTANT -> dice.pick(Values.WRONG_TYPE_FOR_INSTANT);
        };
    }

    private static String refusedText(Field field, List<String> candidates, Dice dice) {
        Slot slot = Slot.body(field);
        return Json.str(dice.pick(candidates.stream().filter(slot::refuses).toList()));
    }

    static void hugeNumber(Draft draft, Dice dice, KnownTargets targets) {
        if (!draft.endpoint.hasBody()) {
            // In a URL: too many digits for a long or an int.
            Param param = dice.pick(draft.endpoint.params.stream().filter(p -> p.type().numeric()).toList());
            if (draft.endpoint == Endpoint.AUDIT_STATE) {
                draft.query.clear();
            }
            draft.setQuery(param.name(), dice.pickOf("", "-") + dice.digits(dice.between(20, 400)));
            return;
        }
        // Over a thousand digits: the JSON parser refuses the token whatever member it is in.
        String digits = dice.digits(dice.between(1_001, 20_000));
        String number = dice.pickOf(digits, "-" + digits, "0." + digits, digits + "e5");
        draft.body.put(dice.pick(draft.endpoint.fields).name(), number);
    }
}
