package org.communityledger.client;

/**
 * Anything that kept a call to the ledger's API from giving its answer. Callers catch this one type, or its
 * kinds: {@link LedgerProblemException} (the service answered with a refusal or an error) and
 * {@link LedgerUnreachableException} (no answer at all).
 */
public class LedgerClientException extends RuntimeException {

    public LedgerClientException(String message, Throwable cause) {
        super(message, cause);
    }

    protected LedgerClientException(String message) {
        super(message);
    }
}
