package org.communityledger.client;

import java.net.URI;

/** The service answered with a status of 400 or above; {@link #problem()} says why, in the service's words. */
public class LedgerProblemException extends LedgerClientException {

    private final String method;
    private final URI uri;
    private final Problem problem;
    private final boolean problemBody;

    /** A refusal the service answered with an RFC 9457 problem body. */
    public LedgerProblemException(String method, URI uri, Problem problem) {
        this(method, uri, problem, true);
    }

    /**
     * @param problemBody whether the answer was an RFC 9457 problem body; false when {@code problem} was made
     *                    from another kind of body (a proxy's error page, say)
     */
    public LedgerProblemException(String method, URI uri, Problem problem, boolean problemBody) {
        super(method + " " + uri.getPath() + " answered " + problem.describe());
        this.method = method;
        this.uri = uri;
        this.problem = problem;
        this.problemBody = problemBody;
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return problem.status();
    }

    public Problem problem() {
        return problem;
    }

    /**
     * Whether the service answered {@code application/problem+json} with a numeric {@code status} equal to the
     * answer's, as both services promise for every refusal. False means something else answered, or the
     * service broke its promise.
     */
    public boolean answeredWithProblemBody() {
        return problemBody;
    }
}
