package org.communityledger.platform.problem;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Every text of a request body, read as Jackson reads text, then refused if it holds a control character (tab,
 * line feed and carriage return excepted) or half of a surrogate pair. Such text is never a name, a reason or a
 * title; PostgreSQL cannot store a NUL in text or JSON at all, so an event carrying one could be stored but
 * never projected. Refused at the edge, it is a 400 naming the field, and nothing is recorded.
 */
class PlainTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String text = super.deserialize(parser, context);
        if (text != null && !isPlain(text)) {
            throw context.weirdStringException(text, String.class,
                    "must not contain control characters or unpaired surrogates");
        }
        return text;
    }

    static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
