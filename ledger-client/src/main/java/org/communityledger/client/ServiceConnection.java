package org.communityledger.client;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service at one base URL, spoken to as one principal: makes the proxies of its HTTP interfaces. They share
 * one JDK HttpClient (and so its connections) and differ only in how long they wait and which statuses fail.
 */
final class ServiceConnection {

    private final String baseUrl;
    private final Credentials credentials;
    private final JsonMapper json = ClientJson.mapper();
    private final HttpClient http;
    private final Duration responseTimeout;

    ServiceConnection(String baseUrl, Credentials credentials, ClientSettings settings) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.responseTimeout = settings.responseTimeout();
        // HTTP/1.1 as the services speak it: no h2c upgrade attempt on plain http.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
    }

    /** An API whose every call is bounded by the response timeout and whose error statuses are problems. */
    <T> T api(Class<T> type) {
        return proxies(responseTimeout, false).createClient(type);
    }

    /**
     * Spring Boot's health endpoint answers 503 with the full health document when the service is DOWN: that is
     * the reading asked for, not a failure to read it.
     */
    <T> T healthApi(Class<T> type) {
        return proxies(responseTimeout, true).createClient(type);
    }

    /**
     * An API that streams answers of any length: no response timeout, which in Spring's JDK request factory
     * bounds the whole exchange and would cut a long download short.
     */
    <T> T downloadApi(Class<T> type) {
        return proxies(null, false).createClient(type);
    }

    private HttpServiceProxyFactory proxies(Duration timeout, boolean healthAnswers503) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        if (timeout != null) {
            requests.setReadTimeout(timeout);
        }
        RestClient.Builder builder = RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(requests)
                .configureMessageConverters(converters -> converters.registerDefaults()
                        .withJsonConverter(new JacksonJsonHttpMessageConverter(json)));
        if (healthAnswers503) {
            // Status handlers are tried in order; one that returns lets the body be read as the answer.
            builder.defaultStatusHandler(status -> status.value() == HttpStatus.SERVICE_UNAVAILABLE.value(),
                    (request, response) -> { });
        }
        builder.defaultStatusHandler(HttpStatusCode::isError, new ProblemResponses(json));
        credentials.authorization().ifPresent(value -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, value));
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(builder.build()))
                .customArgumentResolver(new CommandHeaders())
                .exchangeAdapterDecorator(adapter -> new UnreachableTranslation(adapter, baseUrl))
                .build();
    }
}
