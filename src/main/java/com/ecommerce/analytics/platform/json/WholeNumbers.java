package com.ecommerce.analytics.platform.json;

import java.lang.reflect.Type;
import java.math.BigDecimal;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

/**
 * Whole numbers read exactly: 4294967297 for an int, 1.5 for a quantity or 9223372036854775808 for an id is a
 * refused request, never the number it would wrap or round to (JSON-B's default narrows silently).
 */
public final class WholeNumbers {

    /** The start of the message of a number refused here; the error mapper names the field beside it. */
    public static final String REFUSED = "not a whole number within ";

    private WholeNumbers() {
    }

    public static final class IntReader implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            BigDecimal value = exact(parser.getValue(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            return value == null ? null : value.intValueExact();
        }
    }

    public static final class LongReader implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            BigDecimal value = exact(parser.getValue(), Long.MIN_VALUE, Long.MAX_VALUE);
            return value == null ? null : value.longValueExact();
        }
    }

    private static BigDecimal exact(JsonValue value, long min, long max) {
        if (value == JsonValue.NULL) {
            return null;
        }
        BigDecimal number;
        if (value instanceof JsonNumber json) {
            number = json.bigDecimalValue();
        } else if (value instanceof JsonString text) {
            try {
                number = new BigDecimal(text.getString().trim());
            } catch (NumberFormatException e) {
                throw refused(value, min, max);
            }
        } else {
            throw refused(value, min, max);
        }
        if (number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(min)) < 0
                || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw refused(value, min, max);
        }
        return number;
    }

    private static JsonbException refused(JsonValue value, long min, long max) {
        return new JsonbException(value + " is " + REFUSED + min + " and " + max);
    }
}
