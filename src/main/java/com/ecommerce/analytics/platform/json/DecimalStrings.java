package com.ecommerce.analytics.platform.json;

import java.lang.reflect.Type;
import java.math.BigDecimal;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;

/**
 * Decimals travel as strings with their scale ("699.99"), as Django REST framework wrote them, so no
 * client parses money into a binary float. Requests may send a string or a number, or null for an optional
 * amount (a product's cost price); Bean Validation refuses null where an amount is required.
 */
public final class DecimalStrings {

    private DecimalStrings() {
    }

    public static final class Writer implements JsonbSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
            generator.write(value.toPlainString());
        }
    }

    public static final class Reader implements JsonbDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonNumber number) {
                return number.bigDecimalValue();
            }
            if (value instanceof JsonString text) {
                try {
                    return new BigDecimal(text.getString().trim());
                } catch (NumberFormatException e) {
                    throw new JsonbException("not a decimal number: " + text.getString());
                }
            }
            throw new JsonbException("expected a decimal number, not " + value);
        }
    }
}
