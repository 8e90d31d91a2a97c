package org.communityledger.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI document of each service (at {@code /v3/api-docs}, with Swagger UI at {@code /swagger-ui.html}),
 * with the RFC 9457 problem answers every operation can give described once and attached to all of them.
 */
@AutoConfiguration
public class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final Map<String, String> COMMON_PROBLEMS = Map.of(
            "400", "Invalid request: the errors list names each refused field or header",
            "404", "Unknown community, plaque, agreement or organisation",
            "500", "Internal error; no detail is disclosed");
    private static final Map<String, String> COMMAND_PROBLEMS = Map.of(
            "409", "Refused by the community's rules (the problem type names the rule) or concurrently modified",
            "412", "If-Match names a version the community is no longer (or not yet) at",
            "413", "Request body over the limit (64 KiB by default)",
            "415", "Body is not application/json",
            "422", "Idempotency-Key already used for a different request");

    @Bean
    OpenAPI ledgerOpenApi(@Value("${spring.application.name:community-ledger}") String service) {
        return new OpenAPI()
                .info(new Info().title("Community Ledger: " + service).version("1")
                        .description("Event-sourced membership ledger for industry-education integration communities."))
                .components(new Components().addSchemas(PROBLEM, problemSchema()));
    }

    @Bean
    OpenApiCustomizer problemAnswers() {
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperationsMap().forEach(
                (method, operation) -> {
                    COMMON_PROBLEMS.forEach((status, text) -> operation.getResponses()
                            .putIfAbsent(status, problem(text)));
                    if (method != io.swagger.v3.oas.models.PathItem.HttpMethod.GET) {
                        COMMAND_PROBLEMS.forEach((status, text) -> operation.getResponses()
                                .putIfAbsent(status, problem(text)));
                    }
                }));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("urn:community-ledger:rule:already-active-member"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema())
                        .addProperty("message", new StringSchema())));
    }
}
