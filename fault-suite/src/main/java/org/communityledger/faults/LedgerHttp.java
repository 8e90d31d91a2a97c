package org.communityledger.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public HTTP API as a user's script calls it, as one of the local accounts. Never throws for an answer,
 * whatever its status: the suite counts every answer. One instance per client thread, as separate clients.
 */
final class LedgerHttp {

    private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final Pattern COMMUNITY_ID = Pattern.compile("\"communityId\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final String authorization;

    LedgerHttp(String baseUrl, String account) {
        this.baseUrl = baseUrl;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (account + ":" + account).getBytes(StandardCharsets.UTF_8));
    }

    /** An answer as the client saw it. */
    record Answer(int status, String contentType, String body) {

        boolean accepted() {
            return status / 100 == 2;
        }

        boolean problem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        long position() {
            return number(POSITION);
        }

        long version() {
            return number(VERSION);
        }

        String communityId() {
            Matcher id = COMMUNITY_ID.matcher(body);
            return id.find() ? id.group(1) : null;
        }

        private long number(Pattern field) {
            Matcher matcher = field.matcher(body);
            return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
        }
    }

    Answer post(String path, String body, Map<String, String> headers, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    Answer get(String path, Duration timeout) throws IOException, InterruptedException {
        return answer(http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** Server-sent events, resumed after {@code lastEventId} when it is not null. */
    HttpResponse<InputStream> stream(String path, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "text/event-stream").header("Authorization", authorization).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    String establish(String name) throws IOException, InterruptedException {
        Answer answer = post("/api/communities", """
                {"name":"%s","sector":"Fault drill","region":"Sichuan","hostOrganizationId":"fault-host-college",
                 "venue":"Recovery lab","establishedOn":"2025-10-19"}""".formatted(name), Map.of(),
                Duration.ofSeconds(30));
        if (!answer.accepted() || answer.communityId() == null) {
            throw new IllegalStateException("establishing a community answered " + answer.status() + ": "
                    + answer.body());
        }
        return answer.communityId();
    }

    /**
     * A stream request on a connection that is then never read, with a receive buffer as small as the system
     * allows: what the server sends piles up in its own buffers, as for a dashboard whose machine froze.
     */
    Socket silentStream(String path) throws IOException {
        URI uri = URI.create(baseUrl + path);
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAccept: text/event-stream\r\nAuthorization: " + authorization + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    static String joinBody(String organizationId) {
        return joinBody(organizationId, "Drill member " + organizationId);
    }

    static String joinBody(String organizationId, String name) {
        return """
                {"organizationId":"%s","name":"%s","kind":"ENTERPRISE","province":"CN-SC",
                 "joinedOn":"2025-10-19"}""".formatted(organizationId, name);
    }

    private static Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
    }
}
