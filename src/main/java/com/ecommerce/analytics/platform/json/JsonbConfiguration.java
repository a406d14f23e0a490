package com.ecommerce.analytics.platform.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Request and response bodies use the earlier service's snake_case field names and decimal strings, and send a
 * field without a value as null, as it did, rather than leaving it out.
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    public static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true)
            .withSerializers(new DecimalStrings.Writer())
            .withDeserializers(new DecimalStrings.Reader(), new WholeNumbers.IntReader(), new WholeNumbers.LongReader()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
