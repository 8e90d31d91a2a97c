package org.communityledger.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.communityledger.platform.correlation.CorrelationId;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
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

    /** HTTP Basic, as the local accounts and configured accounts sign in. */
    static final String BASIC = "basic";
    /** A bearer token (JWT) from the configured OAuth2 issuer. */
    static final String BEARER = "bearer";

    @Bean
    OpenAPI ledgerOpenApi(@Value("${spring.application.name:community-ledger}") String service) {
        return new OpenAPI()
                .info(new Info().title("Community Ledger: " + service).version("1")
                        .description("Event-sourced membership ledger for industry-education integration communities.")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components().addSchemas(PROBLEM, problemSchema())
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("An account of the service's configuration (locally admin, auditor, viewer)"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("A token of the configured OAuth2 issuer; its roles "
                                        + "claim names ADMIN, AUDITOR or VIEWER")))
                // Either scheme signs a request in; endpoints open to everyone say so themselves.
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer problemAnswers() {
        return openApi -> {
            // Springdoc builds the components from the code it scans; the problem schema every answer below
            // refers to is put back here, after that, so that no reference dangles.
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            describeProblems(openApi);
        };
    }

    /** Every request may carry a correlation id, which its log lines and (for a command) its events then name. */
    @Bean
    OperationCustomizer correlationHeader() {
        return (operation, handler) -> operation.addParametersItem(new HeaderParameter().name(CorrelationId.HEADER)
                .required(false).description("Names the request in the service's logs and in the metadata of the "
                        + "events a command stores; the service makes one when absent. 1 to 200 visible ASCII characters.")
                .schema(new StringSchema().pattern("^[\\x21-\\x7E]{1,200}$"))
                .example("conference-2025-10-19-join-42"));
    }

    private static void describeProblems(OpenAPI openApi) {
        openApi.getPaths().values().forEach(path -> path.readOperationsMap().forEach(
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
