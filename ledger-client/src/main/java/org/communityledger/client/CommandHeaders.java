package org.communityledger.client;

import org.communityledger.client.command.CommandOptions;
import org.springframework.core.MethodParameter;
import org.springframework.web.service.invoker.HttpRequestValues;
import org.springframework.web.service.invoker.HttpServiceArgumentResolver;

/** Sends a {@link CommandOptions} argument as the command's optional headers. */
final class CommandHeaders implements HttpServiceArgumentResolver {

    @Override
    public boolean resolve(Object argument, MethodParameter parameter, HttpRequestValues.Builder request) {
        if (!CommandOptions.class.equals(parameter.getParameterType())) {
            return false;
        }
        if (argument instanceof CommandOptions options) {
            if (options.idempotencyKey() != null) {
                request.addHeader(CommandOptions.IDEMPOTENCY_KEY, options.idempotencyKey());
            }
            if (options.expectedVersion() != null) {
                // An entity tag is quoted (RFC 9110); the service answers the version as ETag in the same form.
                request.addHeader(CommandOptions.IF_MATCH, "\"" + options.expectedVersion() + "\"");
            }
            if (options.correlationId() != null) {
                request.addHeader(CommandOptions.CORRELATION_ID, options.correlationId());
            }
        }
        return true;
    }
}
