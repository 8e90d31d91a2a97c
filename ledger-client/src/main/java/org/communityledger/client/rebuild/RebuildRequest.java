package org.communityledger.client.rebuild;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Asks for a rebuild. The service takes it as a JSON object only (a web page cannot post JSON across origins
 * without the service's consent), so even a rebuild without a reason sends {@code {}}.
 *
 * @param reason why, recorded in the service's log beside who asked; null for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RebuildRequest(String reason) {

    public static RebuildRequest withoutReason() {
        return new RebuildRequest(null);
    }
}
