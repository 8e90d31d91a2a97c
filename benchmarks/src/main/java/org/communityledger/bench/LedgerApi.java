package org.communityledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public HTTP API as a user's script calls it, with the local accounts. One instance per load thread: each
 * keeps its own connection, as a separate client would.
 */
final class LedgerApi {

    private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");
    private static final Pattern COMMUNITY_ID = Pattern.compile("\"communityId\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    LedgerApi(String baseUrl, String account) {
        this.baseUrl = baseUrl;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (account + ":" + account).getBytes(StandardCharsets.UTF_8));
    }

    /** An accepted command: its global position, or -1 with the status when it was not accepted. */
    record Answer(int status, long position, String body) {
        boolean accepted() {
            return status / 100 == 2;
        }
    }

    String establish(String name) throws IOException, InterruptedException {
        Answer answer = post("/api/communities", """
                {"name":"%s","sector":"Benchmark","region":"Sichuan","hostOrganizationId":"bench-host-college",
                 "venue":"Load lab","establishedOn":"2025-10-19"}""".formatted(name));
        if (!answer.accepted()) {
            throw new IllegalStateException("establishing a community answered " + answer.status() + ": " + answer.body());
        }
        Matcher id = COMMUNITY_ID.matcher(answer.body());
        if (!id.find()) {
            throw new IllegalStateException("no communityId in " + answer.body());
        }
        return id.group(1);
    }

    Answer join(String communityId, String organizationId) throws IOException, InterruptedException {
        return post("/api/communities/" + communityId + "/members", """
                {"organizationId":"%s","name":"Benchmark member %s","kind":"ENTERPRISE","province":"CN-SC",
                 "joinedOn":"2025-10-19"}""".formatted(organizationId, organizationId));
    }

    Answer post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher position = POSITION.matcher(response.body());
        return new Answer(response.statusCode(), position.find() ? Long.parseLong(position.group(1)) : -1,
                response.body());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Reads an answer to its end, counting lines and bytes without keeping them (the NDJSON export). */
    long[] countLines(String path) throws IOException, InterruptedException {
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (java.io.InputStream in = response.body()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return new long[] {lines, bytes};
    }

    /** A stream of server-sent events, opened with the viewer's credentials by the caller. */
    HttpResponse<java.io.InputStream> openStream(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/event-stream")
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }
}
