package org.communityledger.verifier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads one export line with Jackson's streaming parser, which gives the byte offsets of each value: the
 * payload is taken as the exact bytes between its first and last, never re-serialised (the chain hash covers
 * the stored bytes, and a re-serialisation may reorder or re-escape them).
 *
 * <p>Strict where it matters for evidence: one JSON object and nothing after it, every field once (top level
 * and metadata: a reader that takes the first of two and one that takes the last would see different events),
 * numbers that are integers, and hashes of exactly 64 lowercase hex digits. Fields it does not know are skipped.
 */
final class LineParser {

    private static final JsonFactory JSON = new JsonFactory();

    private Long position;
    private String communityId;
    private Long version;

    /** The line's event; what was read before a {@link Malformed} is kept for {@link #location}. */
    ExportLine parse(byte[] bytes, int length) throws Malformed {
        position = null;
        communityId = null;
        version = null;
        try (JsonParser parser = JSON.createParser(bytes, 0, length)) {
            return read(parser, bytes);
        } catch (JsonProcessingException e) {
            throw new Malformed("not well-formed JSON: " + firstSentence(e.getOriginalMessage()));
        } catch (IOException e) {
            // A parser over an array in memory reads nothing else.
            throw new Malformed(e.getMessage());
        }
    }

    /** Where the line is, with what of its event was read. */
    Location.Line location(long lineNumber) {
        return new Location.Line(lineNumber, position == null ? OptionalLong.empty() : OptionalLong.of(position),
                Optional.ofNullable(communityId), version == null ? OptionalLong.empty() : OptionalLong.of(version));
    }

    private ExportLine read(JsonParser parser, byte[] bytes) throws IOException, Malformed {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new Malformed("not a JSON object");
        }
        Set<String> seen = new HashSet<>();
        String eventId = null;
        String name = null;
        String revision = null;
        String timestamp = null;
        ExportLine.Seal seal = null;
        byte[] payload = null;
        byte[] payloadText = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (!seen.add(field)) {
                throw new Malformed("the field " + field + " appears twice");
            }
            JsonToken value = parser.nextToken();
            switch (field) {
                case "position" -> position = integer(parser, value, field);
                case "communityId" -> communityId = string(parser, value, field);
                case "version" -> version = integer(parser, value, field);
                case "eventId" -> eventId = string(parser, value, field);
                case "name" -> name = string(parser, value, field);
                case "revision" -> revision = revision(parser, value);
                case "timestamp" -> timestamp = string(parser, value, field);
                case "metadata" -> seal = metadata(parser, value);
                case "payload" -> {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                        parser.skipChildren();
                    } else {
                        // Reading the text also consumes a string to its closing quote, which the end offset needs.
                        String text = parser.getText();
                        payloadText = value == JsonToken.VALUE_STRING ? text.getBytes(StandardCharsets.UTF_8) : null;
                    }
                    int end = (int) parser.currentLocation().getByteOffset();
                    payload = Arrays.copyOfRange(bytes, start, end);
                }
                default -> parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            throw new Malformed("more follows the event's object on its line");
        }
        // Named in the order the export writes them, so that a line cut short names its first missing field.
        long requiredPosition = required(position, "position");
        String requiredCommunityId = required(communityId, "communityId");
        long requiredVersion = required(version, "version");
        required(eventId, "eventId");
        required(name, "name");
        required(revision, "revision");
        required(timestamp, "timestamp");
        if (!seen.contains("metadata")) {
            // A null seal is metadata written as a string, so its absence is told by the field names.
            throw new Malformed("the field metadata is missing");
        }
        required(payload, "payload");
        return new ExportLine(requiredPosition, requiredCommunityId, requiredVersion, eventId, name, revision,
                timestamp, Optional.ofNullable(seal), payload, payloadText);
    }

    /** The seal, or null when the metadata was written as a string. */
    private static ExportLine.Seal metadata(JsonParser parser, JsonToken value) throws IOException, Malformed {
        if (value == JsonToken.VALUE_STRING) {
            return null;
        }
        if (value != JsonToken.START_OBJECT) {
            throw new Malformed("metadata is " + describe(value) + ", neither an object nor a string");
        }
        Set<String> seen = new HashSet<>();
        String hashTag = null;
        String principal = null;
        String correlationId = null;
        String idempotencyKey = null;
        String prevHash = null;
        String hash = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = "metadata." + parser.currentName();
            if (!seen.add(field)) {
                throw new Malformed("the field " + field + " appears twice");
            }
            JsonToken fieldValue = parser.nextToken();
            switch (field) {
                case "metadata.hashVersion" -> hashTag = string(parser, fieldValue, field);
                case "metadata.principal" -> principal = optionalString(parser, fieldValue, field);
                case "metadata.correlationId" -> correlationId = optionalString(parser, fieldValue, field);
                case "metadata.idempotencyKey" -> idempotencyKey = optionalString(parser, fieldValue, field);
                case "metadata.prevHash" -> prevHash = hash(string(parser, fieldValue, field), field);
                case "metadata.hash" -> hash = hash(string(parser, fieldValue, field), field);
                default -> parser.skipChildren();
            }
        }
        return new ExportLine.Seal(hashTag, principal, correlationId, idempotencyKey,
                required(prevHash, "metadata.prevHash"), required(hash, "metadata.hash"));
    }

    /** A revision is a number when it is all digits, a string else; either way its text is hashed. */
    private static String revision(JsonParser parser, JsonToken value) throws IOException, Malformed {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        throw new Malformed("revision is " + describe(value) + ", not a number or a string");
    }

    private static long integer(JsonParser parser, JsonToken value, String field) throws IOException, Malformed {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw new Malformed(field + " is " + describe(value) + ", not an integer");
        }
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new Malformed(field + " " + parser.getText() + " is out of range");
        }
        return parser.getLongValue();
    }

    private static String string(JsonParser parser, JsonToken value, String field) throws IOException, Malformed {
        if (value != JsonToken.VALUE_STRING) {
            throw new Malformed(field + " is " + describe(value) + ", not a string");
        }
        return parser.getText();
    }

    private static String optionalString(JsonParser parser, JsonToken value, String field)
            throws IOException, Malformed {
        return value == JsonToken.VALUE_NULL ? null : string(parser, value, field);
    }

    private static String hash(String text, String field) throws Malformed {
        if (!isHash(text)) {
            throw new Malformed(field + " is not 64 lowercase hex digits: " + abbreviated(text));
        }
        return text;
    }

    static boolean isHash(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    private static <T> T required(T value, String field) throws Malformed {
        if (value == null) {
            throw new Malformed("the field " + field + " is missing");
        }
        return value;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? "\"" + text + "\"" : "\"" + text.substring(0, 77) + "...\"";
    }

    /** Jackson's message without the source location it appends, which names no line of ours. */
    private static String firstSentence(String message) {
        if (message == null) {
            return "unreadable";
        }
        String first = message.lines().findFirst().orElse(message);
        int marker = first.indexOf(" (start marker at");
        return marker < 0 ? first : first.substring(0, marker);
    }

    /** The line is not an event of the export; the message says why. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
