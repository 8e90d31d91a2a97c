package org.communityledger.faults.hostile;

import java.util.List;

/** JSON text built by hand, so that a body can carry what a JSON library would refuse to write. */
final class Json {

    private Json() {
    }

    static String str(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                escape(out, c);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                // A lone half of a surrogate pair has no UTF-8 form; JSON can still carry it escaped.
                escape(out, c);
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static void escape(StringBuilder out, char c) {
        out.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(Character.forDigit((c >> shift) & 0xF, 16));
        }
    }

    static String array(List<String> rawItems) {
        return "[" + String.join(",", rawItems) + "]";
    }

    static String strings(List<String> texts) {
        return array(texts.stream().map(Json::str).toList());
    }

    static String nestedArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static String nestedObjects(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    static String position(String organizationId, String position) {
        return "{\"organizationId\":" + str(organizationId) + ",\"position\":" + str(position) + "}";
    }
}
