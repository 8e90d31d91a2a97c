package org.communityledger.client;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.service.invoker.HttpExchangeAdapter;
import org.springframework.web.service.invoker.HttpExchangeAdapterDecorator;
import org.springframework.web.service.invoker.HttpRequestValues;

/**
 * Gives callers the client's own exceptions instead of RestClient's: no answer becomes
 * {@link LedgerUnreachableException}, an answer that could not be read a {@link LedgerClientException}.
 * Problems ({@link LedgerProblemException}) pass through as they are.
 */
final class UnreachableTranslation extends HttpExchangeAdapterDecorator {

    private final String baseUrl;

    UnreachableTranslation(HttpExchangeAdapter delegate, String baseUrl) {
        super(delegate);
        this.baseUrl = baseUrl;
    }

    @Override
    public void exchange(HttpRequestValues values) {
        translated(() -> {
            super.exchange(values);
            return null;
        });
    }

    @Override
    public HttpHeaders exchangeForHeaders(HttpRequestValues values) {
        return translated(() -> super.exchangeForHeaders(values));
    }

    @Override
    public <T> T exchangeForBody(HttpRequestValues values, ParameterizedTypeReference<T> bodyType) {
        return translated(() -> super.exchangeForBody(values, bodyType));
    }

    @Override
    public ResponseEntity<Void> exchangeForBodilessEntity(HttpRequestValues values) {
        return translated(() -> super.exchangeForBodilessEntity(values));
    }

    @Override
    public <T> ResponseEntity<T> exchangeForEntity(HttpRequestValues values, ParameterizedTypeReference<T> bodyType) {
        return translated(() -> super.exchangeForEntity(values, bodyType));
    }

    private <T> T translated(Exchange<T> exchange) {
        try {
            return exchange.run();
        } catch (ResourceAccessException e) {
            throw new LedgerUnreachableException(baseUrl, e);
        } catch (RestClientException e) {
            throw new LedgerClientException("unreadable answer from " + baseUrl + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Exchange<T> {
        T run();
    }
}
