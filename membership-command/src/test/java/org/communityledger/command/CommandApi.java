package org.communityledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A small HTTP client for the command API in tests: what a user's script would send. */
public final class CommandApi {

    static final String ESTABLISH = """
            {"name":"四川省智慧视听产业产教融合共同体","sector":"Smart audiovisual","region":"Sichuan",
             "hostOrganizationId":"nanchong-film-vocational-college","venue":"Literature and Art Center",
             "establishedOn":"2025-10-19"}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;
    private final String account;

    /** A client that speaks as the local admin account, as an administrator's script would. */
    public CommandApi(int port) {
        this(port, "admin");
    }

    private CommandApi(int port, String account) {
        this.port = port;
        this.account = account;
    }

    /** The same client speaking as another local account (its password is its name), or as nobody (null). */
    CommandApi as(String otherAccount) {
        return new CommandApi(port, otherAccount);
    }

    static String basic(String account) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (account + ":" + account).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String body) {
        return send("POST", path, body, "application/json", Map.of());
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        return send("POST", path, body, "application/json", headers);
    }

    HttpResponse<String> send(String method, String path, String body, String contentType,
                              Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (account != null) {
            request.header("Authorization", basic(account));
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Establishes a community and answers its id. */
    public String establish() {
        HttpResponse<String> response = post("/api/communities", ESTABLISH);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return field(response, "communityId");
    }

    /** Admits a member (an enterprise in Guangdong) and answers the community's new version. */
    public long join(String communityId, String organizationId) {
        HttpResponse<String> response = post("/api/communities/" + communityId + "/members", joinBody(organizationId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Long.parseLong(field(response, "version"));
    }

    static String joinBody(String organizationId) {
        return """
                {"organizationId":"%s","name":"成员 %s","kind":"ENTERPRISE","province":"CN-GD","joinedOn":"2025-10-19"}"""
                .formatted(organizationId, organizationId);
    }

    String field(HttpResponse<String> response, String name) {
        try {
            JsonNode node = json.readTree(response.body()).get(name);
            assertThat(node).as("%s in %s", name, response.body()).isNotNull();
            return node.asText();
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    JsonNode body(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }
}
