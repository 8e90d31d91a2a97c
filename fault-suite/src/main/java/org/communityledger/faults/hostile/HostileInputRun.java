package org.communityledger.faults.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.communityledger.faults.hostile.HostileRequest.Service;

/**
 * Sends hostile requests and tallies the answers. Every answer should be a 4xx problem body: anything else (a
 * 5xx, an acceptance, a body that is no problem, no answer at all) is counted and kept as an example.
 */
public final class HostileInputRun {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Enough of an answer to judge it; a body that is still coming after this is not a problem body. */
    private static final int MAX_ANSWER_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileInputRun() {
    }

    /**
     * Sends audit requests ({@code /api/audit/...}) with the auditor account and all others with the first one:
     * the audit API is the AUDITOR role's, so the ADMIN account alone only ever gets 403 there and its input
     * checks are never reached.
     */
    public static Answers send(List<HostileRequest> requests, String commandBaseUrl, String queryBaseUrl,
                             String account, String password, String auditorAccount, String auditorPassword,
                             int threads) {
        Objects.requireNonNull(requests, "requests");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        Sender sender = new Sender(trimmed(commandBaseUrl), trimmed(queryBaseUrl), basic(account, password),
                basic(auditorAccount, auditorPassword));
        // Built before the first is sent: a request the client cannot send is a generator fault, not a finding.
        List<Prepared> prepared = requests.stream().map(request -> new Prepared(request, sender.build(request)))
                .toList();
        Answers.Counter counter = new Answers.Counter();
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "hostile-input");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Prepared request : prepared) {
                sent.add(workers.submit(() -> sender.exchange(request, counter)));
            }
            for (Future<?> each : sent) {
                each.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending hostile requests", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a hostile request could not be tallied", e.getCause());
        } finally {
            workers.shutdownNow();
        }
        return counter.tally();
    }

    private static String trimmed(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    private static String basic(String account, String password) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (account + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private record Prepared(HostileRequest request, HttpRequest http) {
    }

    /** Turns hostile requests into HTTP exchanges and judges the answers. */
    private static final class Sender {

        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final String commandBaseUrl;
        private final String queryBaseUrl;
        private final String authorization;
        private final String auditorAuthorization;

        Sender(String commandBaseUrl, String queryBaseUrl, String authorization, String auditorAuthorization) {
            this.commandBaseUrl = commandBaseUrl;
            this.queryBaseUrl = queryBaseUrl;
            this.authorization = authorization;
            this.auditorAuthorization = auditorAuthorization;
        }

        HttpRequest build(HostileRequest request) {
            boolean audit = request.service() == Service.COMMAND && request.path().startsWith("/api/audit");
            String base = request.service() == Service.COMMAND ? commandBaseUrl : queryBaseUrl;
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
                    .timeout(TIMEOUT)
                    .method(request.method(), publisher(request));
            if (request.contentType() != null) {
                builder.header("Content-Type", request.contentType());
            }
            request.headers().forEach(builder::header);
            // A request that carries its own credentials is testing them.
            if (request.headers().keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
                builder.header("Authorization", audit ? auditorAuthorization : authorization);
            }
            return builder.build();
        }

        private static BodyPublisher publisher(HostileRequest request) {
            if (request.bodyLength() == 0) {
                return BodyPublishers.noBody();
            }
            byte[] body = request.body();
            // Without a known length the client sends the body chunked: the size limit must count while reading.
            return request.chunked() ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                    : BodyPublishers.ofByteArray(body);
        }

        void exchange(Prepared prepared, Answers.Counter counter) {
            HostileRequest request = prepared.request();
            CompletableFuture<HttpResponse<byte[]>> answer =
                    client.sendAsync(prepared.http(), info -> new BoundedBody(MAX_ANSWER_BYTES));
            try {
                // The request timeout covers the headers only; an endless body (a stream) is cut here.
                HttpResponse<byte[]> response = answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                String contentType = response.headers().firstValue("Content-Type").orElse("");
                counter.answered(request, response.statusCode(), isProblem(response.statusCode(), contentType,
                        response.body()), new String(response.body(), StandardCharsets.UTF_8));
            } catch (TimeoutException e) {
                answer.cancel(true);
                counter.failed(request, "no complete answer within " + TIMEOUT.toSeconds() + " s");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                counter.failed(request, (cause instanceof IOException ? "" : "unexpected ")
                        + cause.getClass().getSimpleName() + ": " + cause.getMessage());
            } catch (InterruptedException e) {
                // Counted like any request without an answer: an uncounted one would let a run pass unheard.
                answer.cancel(true);
                counter.failed(request, "interrupted before its answer came");
                Thread.currentThread().interrupt();
            }
        }

        /** RFC 9457: the problem media type, and a numeric {@code status} member equal to the HTTP status. */
        private static boolean isProblem(int status, String contentType, byte[] body) {
            if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
                return false;
            }
            try {
                JsonNode problem = JSON.readTree(body);
                return problem != null && problem.isObject() && problem.path("status").isIntegralNumber()
                        && problem.get("status").asInt() == status;
            } catch (IOException notJson) {
                return false;
            }
        }
    }

    /** Collects an answer body up to a limit, then stops reading, so that a huge or endless answer costs little. */
    private static final class BoundedBody implements BodySubscriber<byte[]> {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private boolean done;

        BoundedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (done) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int room = Math.max(0, limit - bytes.size());
                byte[] chunk = new byte[Math.min(room, buffer.remaining())];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            if (bytes.size() >= limit) {
                done = true;
                subscription.cancel();
                result.complete(bytes.toByteArray());
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }

    /**
     * What the services answered to the hostile requests.
     *
     * @param total                    requests sent
     * @param byStatus                 answers by HTTP status
     * @param serverErrors             5xx answers
     * @param acceptedAnswers          2xx and 3xx answers: a hostile request went through (or was redirected)
     * @param nonProblemAnswers        answers, of any status, that are not RFC 9457 problem bodies whose
     *                                 {@code status} member equals the HTTP status
     * @param transportFailures        requests without a complete answer: I/O errors and timeouts
     * @param failuresByDefect         for each defect label, how many of its requests failed in any of the ways above
     * @param serverErrorExamples      up to {@value #MAX_EXAMPLES} of the 5xx answers
     * @param acceptedExamples         up to {@value #MAX_EXAMPLES} of the 2xx and 3xx answers
     * @param nonProblemExamples       up to {@value #MAX_EXAMPLES} of the answers that are no problem bodies
     * @param transportFailureExamples up to {@value #MAX_EXAMPLES} of the transport failures (status -1)
     */
    public record Answers(long total, SortedMap<Integer, Long> byStatus, long serverErrors, long acceptedAnswers,
                        long nonProblemAnswers, long transportFailures, SortedMap<String, Long> failuresByDefect,
                        List<Example> serverErrorExamples, List<Example> acceptedExamples,
                        List<Example> nonProblemExamples, List<Example> transportFailureExamples) {

        static final int MAX_EXAMPLES = 20;

        /**
         * One failed request.
         *
         * @param status    the HTTP status, or -1 when there was no answer
         * @param bodyStart the first 200 characters of the answer, or why there was none
         */
        public record Example(String method, String path, String defect, int status, String bodyStart) {
        }

        /** Every hostile request got a 4xx problem body. */
        public boolean clean() {
            return serverErrors == 0 && acceptedAnswers == 0 && nonProblemAnswers == 0 && transportFailures == 0;
        }

        /** A few lines for a report: the counts, then the examples of each kind of failure. */
        public String summary() {
            StringBuilder text = new StringBuilder()
                    .append(total).append(" hostile requests; by status ").append(byStatus).append('\n')
                    .append("5xx ").append(serverErrors).append(", accepted (2xx/3xx) ").append(acceptedAnswers)
                    .append(", not a problem body ").append(nonProblemAnswers).append(", no answer ")
                    .append(transportFailures).append('\n');
            if (!failuresByDefect.isEmpty()) {
                text.append("failures by defect ").append(failuresByDefect).append('\n');
            }
            appendExamples(text, "5xx", serverErrorExamples);
            appendExamples(text, "accepted", acceptedExamples);
            appendExamples(text, "not a problem body", nonProblemExamples);
            appendExamples(text, "no answer", transportFailureExamples);
            return text.toString();
        }

        private static void appendExamples(StringBuilder text, String kind, List<Example> examples) {
            for (Example example : examples) {
                text.append("  ").append(kind).append(": ").append(example.method()).append(' ')
                        .append(example.path()).append(" [").append(example.defect()).append("] ")
                        .append(example.status()).append(' ').append(example.bodyStart()).append('\n');
            }
        }

        /** Counts answers from many threads at once. */
        static final class Counter {

            private static final int SHOWN_PATH = 300;
            private static final int SHOWN_BODY = 200;

            private long total;
            private final SortedMap<Integer, Long> byStatus = new TreeMap<>();
            private long serverErrors;
            private long acceptedAnswers;
            private long nonProblemAnswers;
            private long transportFailures;
            private final SortedMap<String, Long> failuresByDefect = new TreeMap<>();
            private final List<Example> serverErrorExamples = new ArrayList<>();
            private final List<Example> acceptedExamples = new ArrayList<>();
            private final List<Example> nonProblemExamples = new ArrayList<>();
            private final List<Example> transportFailureExamples = new ArrayList<>();

            synchronized void answered(HostileRequest request, int status, boolean problem, String body) {
                total++;
                byStatus.merge(status, 1L, Long::sum);
                Example example = example(request, status, body);
                boolean failed = false;
                if (status >= 500) {
                    serverErrors++;
                    keep(serverErrorExamples, example);
                    failed = true;
                } else if (status < 400) {
                    acceptedAnswers++;
                    keep(acceptedExamples, example);
                    failed = true;
                }
                if (!problem) {
                    nonProblemAnswers++;
                    keep(nonProblemExamples, example);
                    failed = true;
                }
                if (failed) {
                    failuresByDefect.merge(request.defect(), 1L, Long::sum);
                }
            }

            synchronized void failed(HostileRequest request, String why) {
                total++;
                transportFailures++;
                keep(transportFailureExamples, example(request, -1, why));
                failuresByDefect.merge(request.defect(), 1L, Long::sum);
            }

            synchronized Answers tally() {
                return new Answers(total, Collections.unmodifiableSortedMap(new TreeMap<>(byStatus)), serverErrors,
                        acceptedAnswers, nonProblemAnswers, transportFailures,
                        Collections.unmodifiableSortedMap(new TreeMap<>(failuresByDefect)),
                        List.copyOf(serverErrorExamples), List.copyOf(acceptedExamples),
                        List.copyOf(nonProblemExamples), List.copyOf(transportFailureExamples));
            }

            private static void keep(List<Example> examples, Example example) {
                if (examples.size() < MAX_EXAMPLES) {
                    examples.add(example);
                }
            }

            private static Example example(HostileRequest request, int status, String body) {
                String path = request.path();
                if (path.length() > SHOWN_PATH) {
                    path = path.substring(0, SHOWN_PATH) + "...(" + path.length() + " chars)";
                }
                String start = body.length() > SHOWN_BODY ? body.substring(0, SHOWN_BODY) : body;
                return new Example(request.method(), path, request.defect(), status,
                        start.replace('\r', ' ').replace('\n', ' '));
            }
        }
    }
}
