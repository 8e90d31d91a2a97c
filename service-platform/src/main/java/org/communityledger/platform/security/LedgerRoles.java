package org.communityledger.platform.security;

/**
 * Who may do what. ADMIN issues commands and starts rebuilds; AUDITOR reads the audit API; VIEWER reads the
 * views and the stream, which ADMIN and AUDITOR may read too; METRICS only reads {@code /actuator/prometheus}
 * (which ADMIN may read too), so a Prometheus server needs no account that could change or read the ledger.
 */
public final class LedgerRoles {

    public static final String ADMIN = "ADMIN";
    public static final String AUDITOR = "AUDITOR";
    public static final String VIEWER = "VIEWER";
    public static final String METRICS = "METRICS";
    /** Everyone who may read the views. */
    public static final String[] READERS = {VIEWER, AUDITOR, ADMIN};

    private LedgerRoles() {
    }
}
