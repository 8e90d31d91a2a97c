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
import java.time.LocalDate;
import java.util.Map;
import org.communityledger.client.Credentials;
import org.communityledger.client.LedgerClients;
import org.communityledger.client.command.CommandOptions;
import org.communityledger.client.command.CommandResult;
import org.communityledger.client.command.EstablishCommunity;
import org.communityledger.client.command.JoinMember;

/**
 * The command API in tests. Scenes are set up through the Java client ({@link #establish}, {@link #join}), as a
 * user's program would; {@link #post} and {@link #send} put exact bytes and headers on the wire and hand back the
 * raw answer, for the tests of the HTTP layer itself (bad bodies, headers, statuses) that a typed client exists to
 * prevent.
 */
public final class CommandApi {

    private static final LocalDate CONFERENCE_DAY = LocalDate.of(2025, 10, 19);

    static final String ESTABLISH = """
            {"name":"四川省智慧视听产业产教融合共同体","sector":"Smart audiovisual","region":"Sichuan",
             "hostOrganizationId":"nanchong-film-vocational-college","venue":"Literature and Art Center",
             "establishedOn":"2025-10-19"}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;
    private final String account;
    private final org.communityledger.client.command.CommandApi commands;

    /** A client that speaks as the local admin account, as an administrator's script would. */
    public CommandApi(int port) {
        this(port, "admin");
    }

    private CommandApi(int port, String account) {
        this.port = port;
        this.account = account;
        this.commands = LedgerClients.command("http://127.0.0.1:" + port, account == null ? Credentials.none()
                : Credentials.basic(account, account)).commands();
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

    /** Establishes the Smart Audiovisual community and answers its id. */
    public String establish() {
        return commands().establish(new EstablishCommunity("四川省智慧视听产业产教融合共同体", "Smart audiovisual",
                "Sichuan", "nanchong-film-vocational-college", "Literature and Art Center", CONFERENCE_DAY),
                CommandOptions.NONE).communityId();
    }

    /** Admits a member (an enterprise in Guangdong) and answers the community's new version. */
    public long join(String communityId, String organizationId) {
        return joinAnswer(communityId, organizationId).version();
    }

    /** Admits a member as {@link #join} does, and answers the whole result: version and global position. */
    public CommandResult joinAnswer(String communityId, String organizationId) {
        return commands().join(communityId, new JoinMember(organizationId, "成员 " + organizationId, "ENTERPRISE",
                "CN-GD", CONFERENCE_DAY), CommandOptions.NONE);
    }

    /** The Java client's commands, as this client's account. */
    org.communityledger.client.command.CommandApi commands() {
        return commands;
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
