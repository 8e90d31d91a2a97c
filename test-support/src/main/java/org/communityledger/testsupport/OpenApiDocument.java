package org.communityledger.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's OpenAPI document as a client's tools read it: every {@code $ref} must resolve, every operation
 * must have a summary, and its operations are listed with the parameters they declare. {@link #keep} writes it
 * under the module's {@code target/openapi}, where the CI's linter (Redocly) reads it.
 */
public final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode root;
    private final String text;

    private OpenApiDocument(String text) {
        this.text = text;
        try {
            this.root = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OpenApiDocument parse(String json) {
        return new OpenApiDocument(json);
    }

    /** One operation: its method and path, summary and declared parameters as "in:name". */
    public record Operation(String method, String path, String summary, List<String> parameters) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                List<String> parameters = new ArrayList<>();
                entry.getValue().path("parameters").forEach(parameter ->
                        parameters.add(parameter.path("in").asText() + ":" + parameter.path("name").asText()));
                operations.add(new Operation(entry.getKey().toUpperCase(), path.getKey(),
                        entry.getValue().path("summary").asText(null), parameters));
            }
        }));
        return operations;
    }

    /**
     * What a client calls that the document does not describe: an endpoint without an operation (paths compared
     * with their variables' names ignored), or a query parameter or header the operation does not declare.
     */
    public List<String> undocumented(List<ClientEndpoints.Endpoint> endpoints) {
        List<String> missing = new ArrayList<>();
        List<Operation> operations = operations();
        for (ClientEndpoints.Endpoint endpoint : endpoints) {
            Operation operation = operations.stream()
                    .filter(candidate -> candidate.method().equalsIgnoreCase(endpoint.method())
                            && template(candidate.path()).equals(template(endpoint.path())))
                    .findFirst().orElse(null);
            if (operation == null) {
                missing.add(endpoint + ": no operation");
                continue;
            }
            endpoint.parameters().stream()
                    .filter(parameter -> operation.parameters().stream().noneMatch(parameter::equalsIgnoreCase))
                    .forEach(parameter -> missing.add(endpoint + ": " + parameter + " not declared"));
        }
        return missing;
    }

    private static String template(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    /** Every {@code $ref} that names no part of the document. */
    public List<String> danglingReferences() {
        List<String> dangling = new ArrayList<>();
        collectReferences(root, dangling);
        return dangling;
    }

    private void collectReferences(JsonNode node, List<String> dangling) {
        if (node.isObject()) {
            JsonNode reference = node.get("$ref");
            if (reference != null && reference.isTextual() && !resolves(reference.asText())) {
                dangling.add(reference.asText());
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                collectReferences(fields.next().getValue(), dangling);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, dangling));
        }
    }

    private boolean resolves(String reference) {
        return reference.startsWith("#/") && !root.at(reference.substring(1)).isMissingNode();
    }

    /** The names of the security schemes the document defines. */
    public List<String> securitySchemes() {
        List<String> names = new ArrayList<>();
        root.path("components").path("securitySchemes").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Writes the document to {@code target/openapi/NAME.json} of the module the tests run in. */
    public void keep(String name) {
        try {
            Path file = Path.of("target", "openapi", name + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
