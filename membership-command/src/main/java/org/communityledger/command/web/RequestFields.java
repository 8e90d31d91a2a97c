package org.communityledger.command.web;

import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.Province;
import org.communityledger.events.value.Sha256;
import org.communityledger.platform.problem.InvalidFieldException;

/**
 * Turns the text of a body's fields into value types, naming the field (a JSON path) when the value type refuses
 * it. Path and query values are converted by the converters of {@link CommandWebConfiguration}.
 */
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

    public static Sha256 sha256(String field, String value) {
        try {
            return Sha256.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
    }

}
