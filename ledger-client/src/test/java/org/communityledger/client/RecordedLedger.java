package org.communityledger.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on 127.0.0.1 that answers what the services answered (files under {@code recorded/}) and
 * keeps every request it got, so that a test can check the method, path, query, headers and body the client
 * sent, and how it read the answer.
 */
final class RecordedLedger implements AutoCloseable {

    /** What the server does with a request it was told about. */
    @FunctionalInterface
    interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    /** A request as it arrived. */
    record Request(String method, String path, String query, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private RecordedLedger(HttpServer server) {
        this.server = server;
    }

    static RecordedLedger start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RecordedLedger ledger = new RecordedLedger(server);
            server.createContext("/", ledger::handle);
            server.start();
            return ledger;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} with a recorded file. */
    RecordedLedger answer(String method, String path, int status, String contentType, String recordedFile) {
        return answer(method, path, exchange -> send(exchange, status, contentType, recorded(recordedFile)));
    }

    /** Answers {@code method path} with the text given. */
    RecordedLedger answerText(String method, String path, int status, String contentType, String body) {
        return answer(method, path, exchange -> send(exchange, status, contentType, body));
    }

    RecordedLedger answer(String method, String path, Answer answer) {
        answers.put(method + " " + path, answer);
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    Request lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("the server got no request");
        }
        return requests.get(requests.size() - 1);
    }

    static String recorded(String file) {
        try (InputStream in = RecordedLedger.class.getResourceAsStream("/recorded/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body));
        Answer answer = answers.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
        try {
            if (answer == null) {
                send(exchange, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404,"
                        + "\"detail\":\"no recorded answer for " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getRawPath() + "\"}");
            } else {
                answer.answer(exchange);
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
