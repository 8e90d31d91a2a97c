package org.communityledger.command.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Arrays;
import java.util.List;
import org.communityledger.command.dispatch.CommandContext;
import org.communityledger.events.value.AgreementId;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.PlaqueId;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command operations in the OpenAPI document as a client must call them: the {@link CommandContext} argument
 * is read from headers ({@link CommandContextResolver}), so the document names those headers and not a query
 * parameter that does not exist.
 */
@Configuration(proxyBeanMethods = false)
class CommandOpenApi {

    @Bean
    OperationCustomizer commandHeaders() {
        // Springdoc would describe the argument as a required query parameter "context".
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandContext.class);
        // Path and query values are converted to value types at the edge; on the wire they are strings.
        for (Class<?> id : List.of(CommunityId.class, OrganizationId.class, PlaqueId.class, AgreementId.class)) {
            SpringDocUtils.getConfig().replaceWithClass(id, String.class);
        }
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.getParameterType().equals(CommandContext.class))) {
                addHeaders(operation);
            }
            return operation;
        };
    }

    private static void addHeaders(Operation operation) {
        operation.addParametersItem(header(CommandContextResolver.IDEMPOTENCY_KEY,
                "Makes a retry safe: the same key with the same request answers the first answer again and changes "
                        + "nothing; with a different request it is a 422. 1 to 200 visible ASCII characters.",
                new StringSchema().pattern("^[\\x21-\\x7E]{1,200}$"), "join-hust-press-2025-10-19"));
        operation.addParametersItem(header(CommandContextResolver.IF_MATCH,
                "The community's version the command expects, as an entity tag; another version is a 412.",
                new StringSchema().pattern("^(W/)?\"?\\d{1,18}\"?$|^\\*$"), "\"3\""));
    }

    private static Parameter header(String name, String description, Schema<String> schema, String example) {
        return new HeaderParameter().name(name).required(false).description(description).schema(schema)
                .example(example);
    }
}
