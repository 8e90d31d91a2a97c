package org.communityledger.command.web;

import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.Province;
import org.communityledger.platform.problem.InvalidFieldException;

/** Turns request text into value types, naming the field when the value type refuses it. */
public final class RequestFields {

    private RequestFields() {
    }

    public static OrganizationId organizationId(String field, String value) {
        try {
            return OrganizationId.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
    }

    public static Province province(String field, String value) {
        try {
            return Province.ofCode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
    }

    public static CommunityId communityId(String value) {
        try {
            return CommunityId.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("communityId", e.getMessage());
        }
    }
}
