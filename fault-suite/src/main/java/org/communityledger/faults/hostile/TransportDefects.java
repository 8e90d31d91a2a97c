package org.communityledger.faults.hostile;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** What the request says about its body and the answer it wants, and how big it is. */
final class TransportDefects {

    private TransportDefects() {
    }

    static void wrongContentType(Draft draft, Dice dice, KnownTargets targets) {
        Refusals.spoil(draft, dice, null);
        String json = draft.body.text();
        String type = dice.chance(0.12) ? null : dice.pick(Values.WRONG_CONTENT_TYPES);
        String body = json;
        if ("application/xml".equals(type) || "text/xml".equals(type)) {
            body = "<?xml version=\"1.0\"?><request>" + draft.body.names().stream()
                    .map(name -> "<" + name + ">x</" + name + ">").collect(Collectors.joining()) + "</request>";
        } else if ("application/x-www-form-urlencoded".equals(type)) {
            body = draft.body.names().stream().map(name -> Url.encode(name) + "=x")
                    .collect(Collectors.joining("&")) + "&_method=DELETE";
        } else if ("multipart/form-data".equals(type)) {
            String boundary = "hostile-" + dice.hex(8);
            switch (dice.below(3)) {
                case 0 -> {
                    // Well-formed multipart: refused for its type alone.
                    type = type + "; boundary=" + boundary;
                    body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n"
                            + "Content-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary + "--\r\n";
                }
                case 1 -> type = type + "; boundary=" + boundary; // the body is no multipart at all
                default -> { } // no boundary at all
            }
        }
        draft.contentType = type;
        draft.rawBody = body.getBytes(StandardCharsets.UTF_8);
    }

    static void wrongAccept(Draft draft, Dice dice, KnownTargets targets) {
        Refusals.spoil(draft, dice, null);
        boolean streams = draft.endpoint == Endpoint.STREAM || draft.endpoint == Endpoint.AUDIT_EXPORT;
        draft.headers.put("Accept", dice.pick(streams ? Values.WRONG_ACCEPTS_FOR_STREAMS
                : Values.WRONG_ACCEPTS_FOR_JSON));
    }

    static void oversizedBody(Draft draft, Dice dice, KnownTargets targets) {
        if (!draft.endpoint.hasBody()) {
            // A body where none belongs, sent with a method that may carry one; never POST to a rebuild. The
            // path is spoiled first: a body-less command would never read the body, chunked or not.
            Refusals.spoil(draft, dice, null);
            draft.method = draft.endpoint == Endpoint.REVOKE_ROLE ? "DELETE" : "PUT";
            draft.body = new JsonBody();
            draft.contentType = "application/json";
        }
        Refusals.spoil(draft, dice, null);
        int size = dice.between(70_000, 300_000);
        String padding = dice.chance(0.5) ? "x".repeat(100_000) : Values.hugeText(dice, size);
        String field = draft.endpoint.fields.stream().filter(f -> f.type() == FieldType.TEXT).map(Field::name)
                .findFirst().orElse("padding");
        // First in the body: sent chunked, the limit must trip while the parser reads it, before the parser
        // meets the spoiling member and refuses the body for that instead.
        draft.body.remove(field);
        draft.body.insert(0, field, Json.str(padding));
        draft.chunked = dice.chance(0.4);
    }
}
