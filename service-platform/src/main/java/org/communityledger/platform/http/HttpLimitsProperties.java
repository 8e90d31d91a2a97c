package org.communityledger.platform.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may carry.
 *
 * @param maxBodySize  the largest request body accepted; larger ones are answered 413 (default 64KB)
 * @param maxUriLength the longest request target (path and query) accepted, in characters; longer ones are
 *                     answered 414 (default 8192). Keep it well below {@code server.max-http-request-header-size}
 *                     so that Tomcat reads such a request whole instead of dropping the connection.
 */
@ConfigurationProperties("ledger.http")
public record HttpLimitsProperties(@DefaultValue("64KB") DataSize maxBodySize,
                                   @DefaultValue("8192") int maxUriLength) {

}
