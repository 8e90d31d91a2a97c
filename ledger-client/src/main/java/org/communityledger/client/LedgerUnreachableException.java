package org.communityledger.client;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/** No answer came: the service refused the connection, could not be resolved, or fell silent for too long. */
public class LedgerUnreachableException extends LedgerClientException {

    private final String baseUrl;

    public LedgerUnreachableException(String baseUrl, Throwable cause) {
        super("cannot reach " + baseUrl + " (" + reason(cause) + ")", cause);
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * What happened, in words: the JDK's HttpClient reports a refused connection as a ConnectException around a
     * ClosedChannelException without a message, so the kind of failure is named rather than the last message.
     */
    private static String reason(Throwable cause) {
        for (Throwable at = cause; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (at instanceof HttpConnectTimeoutException) {
                return "no connection within the connect timeout";
            }
            if (at instanceof HttpTimeoutException || at instanceof SocketTimeoutException) {
                return "no answer within the response timeout";
            }
            if (at instanceof UnknownHostException) {
                return "unknown host " + at.getMessage();
            }
            if (at instanceof ConnectException) {
                return "connection refused";
            }
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName()
                : root.getMessage();
    }
}
