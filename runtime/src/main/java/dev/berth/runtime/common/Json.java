package dev.berth.runtime.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of the engine: lenient on unknown fields, as Docker's Go structs are. */
public final class Json {
    /** Shared, thread-safe mapper. Unknown properties are ignored because clients send fields of newer API versions. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_ABSENT);

    private Json() {}
}
