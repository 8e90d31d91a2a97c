package org.communityledger.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The public HTTP API as the demo uses it: every command with an idempotency key, so a rerun changes nothing. */
final class LedgerClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String commandUrl;
    private final String queryUrl;
    private final String keyPrefix;
    private final String authorization;

    /** Speaks as one account (ADMIN issues the commands and may read the views). */
    LedgerClient(String commandUrl, String queryUrl, String keyPrefix, String user, String password) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.keyPrefix = keyPrefix;
        this.authorization = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a command; answers its result, or stops the demo with the problem the API answered. */
    JsonNode command(String path, Object body, String idempotencyKey) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(commandUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", keyPrefix + idempotencyKey)
                    .header("X-Correlation-Id", "ledger-demo")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new DemoFailed("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (ConnectException e) {
            throw new DemoFailed("cannot reach the command service at " + commandUrl + "; is ./ledger up running?");
        } catch (IOException e) {
            throw new DemoFailed("POST " + path + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailed("interrupted");
        }
    }

    /** Reads a view; answers null while the view does not exist yet (404). */
    JsonNode view(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(queryUrl + path))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", authorization).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new DemoFailed("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (ConnectException e) {
            throw new DemoFailed("cannot reach the query service at " + queryUrl + "; is ./ledger up running?");
        } catch (IOException e) {
            throw new DemoFailed("GET " + path + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailed("interrupted");
        }
    }

    /** The demo cannot go on; the message says why. */
    static final class DemoFailed extends RuntimeException {
        DemoFailed(String message) {
            super(message);
        }
    }
}
