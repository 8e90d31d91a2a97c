package org.communityledger.query.projection;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which publisher the query side believes.
 *
 * @param verifierKey     the ledger's note verifier key ({@code <name>+<hex id>+<base64 key>}, what the command
 *                        service answers at {@code /api/audit/verifier-key}): only records signed by it are applied
 * @param verifierKeyFile a file holding it; {@code verifierKey} takes precedence
 */
@ConfigurationProperties("ledger.events")
record RecordSignatureProperties(String verifierKey, Path verifierKeyFile) {
}
