package org.communityledger.client;

import java.util.List;

/**
 * An RFC 9457 problem body, as both services answer every refusal ({@code application/problem+json}). An
 * error answered without one (a proxy's page, say) is turned into a problem with the status and the start of
 * the body as its detail, so callers always have the same three things to show: status, title, detail.
 *
 * @param type   a URI naming the kind of problem, e.g. {@code urn:community-ledger:rule:chair-unit-taken}
 * @param errors for a 400, the fields that were refused
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A field of the request that was refused, and why. */
    public record FieldError(String field, String message) {
    }

    /** One line for a person: {@code 409 Rebuild already running: A rebuild is already running; ...}. */
    public String describe() {
        StringBuilder line = new StringBuilder().append(status);
        if (title != null && !title.isBlank()) {
            line.append(' ').append(title);
        }
        if (detail != null && !detail.isBlank()) {
            line.append(": ").append(detail);
        }
        for (FieldError error : errors) {
            line.append("; ").append(error.field()).append(' ').append(error.message());
        }
        return line.toString();
    }
}
