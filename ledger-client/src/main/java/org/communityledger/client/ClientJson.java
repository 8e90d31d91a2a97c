package org.communityledger.client;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/** How the client reads and writes JSON. */
final class ClientJson {

    private ClientJson() {
    }

    /**
     * Tolerant where the services may change: a field or an enum value added to an answer must not break
     * clients already deployed (the client reads what it knows), and a number an older service does not send
     * reads as 0 rather than failing the whole answer (Jackson 3 fails on it by default).
     */
    static JsonMapper mapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .build();
    }
}
