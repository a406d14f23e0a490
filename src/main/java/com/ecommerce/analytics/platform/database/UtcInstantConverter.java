package com.ecommerce.analytics.platform.database;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Instants live in DATETIME columns as UTC wall-clock time, whatever the JVM's or the session's time zone
 * (left alone, EclipseLink would serialize Instant). They are kept to the whole second on every engine:
 * mysql-connector-j takes MariaDB 10 for MySQL 5.5 (its "5.5.5-" version prefix) and drops fractions,
 * so finer precision would make H2 and MariaDB disagree.
 */
@Converter(autoApply = true)
public class UtcInstantConverter implements AttributeConverter<Instant, LocalDateTime> {

    public static LocalDateTime toColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }

    @Override
    public LocalDateTime convertToDatabaseColumn(Instant instant) {
        return toColumn(instant);
    }

    @Override
    public Instant convertToEntityAttribute(LocalDateTime column) {
        return column == null ? null : column.toInstant(ZoneOffset.UTC);
    }
}
