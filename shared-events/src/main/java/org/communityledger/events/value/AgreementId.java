package org.communityledger.events.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a cooperation agreement; made by the command service when an agreement is signed. */
public record AgreementId(String value) {

    public AgreementId {
        OpaqueIds.requireValid(value, "agreementId");
    }

    public static AgreementId newId() {
        return new AgreementId(OpaqueIds.newValue());
    }

    @JsonCreator
    public static AgreementId of(String value) {
        return new AgreementId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
