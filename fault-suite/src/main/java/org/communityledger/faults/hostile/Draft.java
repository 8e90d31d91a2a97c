package org.communityledger.faults.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A request being broken: starts well-formed, aimed at the known targets. */
final class Draft {

    final Endpoint endpoint;
    final String defect;
    String method;
    final Map<String, String> pathValues = new LinkedHashMap<>();
    /** Already percent-encoded; appended to the rendered template. */
    String pathSuffix = "";
    /** Already percent-encoded; replaces the rendered template when set. */
    String rawPath;
    final List<String[]> query = new ArrayList<>();
    String contentType;
    final Map<String, String> headers = new LinkedHashMap<>();
    JsonBody body;
    /** Replaces the body when set: for bytes that are not a JSON object. */
    byte[] rawBody;
    boolean chunked;

    Draft(Endpoint endpoint, String defect, KnownTargets targets, Dice dice) {
        this.endpoint = endpoint;
        this.defect = defect;
        // The rebuild endpoint is never sent as POST; every request to it starts from a wrong method.
        this.method = endpoint == Endpoint.REBUILD ? "GET" : endpoint.method;
        putPathValue("communityId", targets.communityId());
        putPathValue("organizationId", targets.memberOrganizationId());
        putPathValue("role", "SECRETARIAT");
        putPathValue("plaqueId", targets.plaqueId());
        putPathValue("agreementId", targets.agreementId());
        if (endpoint == Endpoint.AUDIT_STATE) {
            query.add(new String[] {"version", "1"});
        }
        if (endpoint.hasBody()) {
            body = ValidBodies.of(endpoint, targets, dice);
            contentType = "application/json";
        }
    }

    private void putPathValue(String key, String value) {
        if (endpoint.hasPathValue(key)) {
            pathValues.put(key, value);
        }
    }

    /** The template with the current values, encoded, without suffix or query. */
    String renderedTemplate() {
        String path = endpoint.template;
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", Url.encode(value.getValue()));
        }
        return path;
    }

    void dropBody() {
        body = null;
        rawBody = null;
        contentType = null;
    }

    void setQuery(String name, String value) {
        query.removeIf(param -> param[0].equals(name));
        query.add(new String[] {name, value});
    }

    String path() {
        String rendered = renderedTemplate();
        // The dashboard's template is "/": a suffix must not make a double slash the firewall refuses.
        String suffix = rendered.endsWith("/") && pathSuffix.startsWith("/") ? pathSuffix.substring(1) : pathSuffix;
        String path = rawPath != null ? rawPath : rendered + suffix;
        if (query.isEmpty()) {
            return path;
        }
        return path + query.stream().map(param -> Url.encode(param[0]) + "=" + Url.encode(param[1]))
                .collect(Collectors.joining("&", "?", ""));
    }

    HostileRequest build() {
        byte[] bytes = rawBody != null ? rawBody : body != null ? body.bytes() : new byte[0];
        return new HostileRequest(endpoint.service, endpoint.label(), method, path(), contentType, headers, bytes,
                chunked, defect);
    }
}
