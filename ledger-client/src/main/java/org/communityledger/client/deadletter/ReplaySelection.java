package org.communityledger.client.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Which parked records to replay: {@code {}} for all of them, or one community's. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplaySelection(String communityId) {

    public static ReplaySelection all() {
        return new ReplaySelection(null);
    }

    public static ReplaySelection community(String communityId) {
        return new ReplaySelection(communityId);
    }
}
