package org.communityledger.client;

import java.net.URI;

/** The service answered with a status of 400 or above; {@link #problem()} says why, in the service's words. */
public class LedgerProblemException extends LedgerClientException {

    private final String method;
    private final URI uri;
    private final Problem problem;

    public LedgerProblemException(String method, URI uri, Problem problem) {
        super(method + " " + uri.getPath() + " answered " + problem.describe());
        this.method = method;
        this.uri = uri;
        this.problem = problem;
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
}
