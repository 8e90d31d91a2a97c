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
        MediaType contentType = response.getHeaders().getContentType();
        Problem sent = problemBody(contentType, body);
        boolean rfc9457 = sent != null && sent.status() == status
                && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(contentType);
        // A problem must carry its status, but the answer's own status is the one that happened.
        Problem problem = sent == null ? plain(status, response.getStatusText(), body) : sent.status() == status
                ? sent : new Problem(sent.type(), sent.title(), status, sent.detail(), sent.instance(), sent.errors());
        throw new LedgerProblemException(request.getMethod().name(), request.getURI(), problem, rfc9457);
    }

    /** The body as the problem it says it is, or null when it is not JSON of one. */
    private Problem problemBody(MediaType contentType, byte[] body) {
        if (contentType == null || !(MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(contentType)
                || MediaType.APPLICATION_JSON.isCompatibleWith(contentType))) {
            return null;
        }
        try {
            return json.readValue(body, Problem.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Any other body, described by the start of its text. */
    private static Problem plain(int status, String statusText, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        String detail = text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
        return new Problem(null, statusText, status, detail, null, null);
    }
}
