package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Values of native query results, whichever Java type the JDBC driver chose for them. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A DATETIME holding UTC wall time. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        LocalDateTime utc = value instanceof Timestamp timestamp ? timestamp.toLocalDateTime() : (LocalDateTime) value;
        return utc.toInstant(ZoneOffset.UTC);
    }

    public static LocalDate date(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    public static long whole(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
