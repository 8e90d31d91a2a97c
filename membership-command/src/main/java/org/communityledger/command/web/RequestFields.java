package org.communityledger.command.web;

import org.communityledger.events.value.AgreementId;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.PlaqueId;
import org.communityledger.events.value.Sha256;
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

    public static MemberRole role(String field, String value) {
        try {
            return MemberRole.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must be one of " + java.util.Arrays.toString(MemberRole.values()));
        }
    }

    public static Sha256 sha256(String field, String value) {
        try {
            return Sha256.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
    }

    public static PlaqueId plaqueId(String value) {
        try {
            return PlaqueId.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("plaqueId", e.getMessage());
        }
    }

    public static AgreementId agreementId(String value) {
        try {
            return AgreementId.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("agreementId", e.getMessage());
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
