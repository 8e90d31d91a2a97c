package org.communityledger.testsupport;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * What a Java client's {@code @HttpExchange} interfaces call: each method's HTTP method, path and the query
 * parameters and headers it sends, read from the annotations themselves, so that an OpenAPI document can be
 * checked against what a real client needs ({@link OpenApiDocument#undocumented}).
 */
public final class ClientEndpoints {

    private ClientEndpoints() {
    }

    /**
     * One call of the client.
     *
     * @param parameters what it sends besides the path, as {@code in:name} like {@link OpenApiDocument.Operation}
     */
    public record Endpoint(String method, String path, List<String> parameters, String declaredBy) {
        @Override
        public String toString() {
            return method + " " + path + " (" + declaredBy + ")";
        }
    }

    /**
     * The endpoints of the given interfaces.
     *
     * @param headerCarriers argument types that a resolver turns into headers (the client's command options),
     *                       with the headers they may send
     */
    public static List<Endpoint> of(Map<Class<?>, List<String>> headerCarriers, Class<?>... interfaces) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : interfaces) {
            HttpExchange base = AnnotatedElementUtils.findMergedAnnotation(type, HttpExchange.class);
            if (base == null) {
                throw new IllegalArgumentException(type.getName() + " is not an @HttpExchange interface");
            }
            for (Method method : type.getMethods()) {
                HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(method, HttpExchange.class);
                if (exchange != null) {
                    endpoints.add(new Endpoint(exchange.method(), join(base.url(), exchange.url()),
                            parameters(method, headerCarriers), type.getSimpleName() + "." + method.getName()));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return endpoints;
    }

    private static List<String> parameters(Method method, Map<Class<?>, List<String>> headerCarriers) {
        List<String> sent = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            // Merged, so that value and name (aliases of each other) both give the name.
            RequestParam query = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestParam.class);
            RequestHeader header = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestHeader.class);
            if (query != null) {
                sent.add("query:" + query.name());
            } else if (header != null) {
                sent.add("header:" + header.name());
            } else {
                headerCarriers.getOrDefault(parameter.getType(), List.of()).forEach(name -> sent.add("header:" + name));
            }
        }
        return sent;
    }

    private static String join(String base, String path) {
        if (path.isEmpty()) {
            return base;
        }
        return base.endsWith("/") || path.startsWith("/") ? base + path : base + "/" + path;
    }
}
