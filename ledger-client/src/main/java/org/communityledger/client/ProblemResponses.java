package org.communityledger.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Turns every answer of 400 or above into a {@link LedgerProblemException} carrying the service's problem body. */
final class ProblemResponses implements RestClient.ResponseSpec.ErrorHandler {

    /** Problem bodies are small; anything longer is not one, and only its start is worth showing. */
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_DETAIL = 300;

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        byte[] body;
        try (InputStream in = response.getBody()) {
            body = in.readNBytes(MAX_BODY);
        }
        throw new LedgerProblemException(request.getMethod().name(), request.getURI(),
                problem(status, response.getStatusText(), response.getHeaders().getContentType(), body));
    }

    private Problem problem(int status, String statusText, MediaType contentType, byte[] body) {
        if (contentType != null && (MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(contentType)
                || MediaType.APPLICATION_JSON.isCompatibleWith(contentType))) {
            try {
                Problem problem = json.readValue(body, Problem.class);
                // A problem must carry its status, but the answer's own status is the one that happened.
                return new Problem(problem.type(), problem.title(), status, problem.detail(), problem.instance(),
                        problem.errors());
            } catch (JacksonException e) {
                // Not a problem after all: described below like any other body.
            }
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        String detail = text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
        return new Problem(null, statusText, status, detail, null, null);
    }
}
