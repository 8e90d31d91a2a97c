package org.communityledger.platform.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may carry.
 *
 * @param maxBodySize the largest request body accepted; larger ones are answered 413 (default 64KB)
 */
@ConfigurationProperties("ledger.http")
public record HttpLimitsProperties(DataSize maxBodySize) {

    public HttpLimitsProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
    }
}
