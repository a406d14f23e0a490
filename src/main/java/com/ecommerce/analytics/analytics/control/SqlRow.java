package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import jakarta.persistence.Query;

/**
 * One row of a native query's result, its columns read by position as the types the package works in,
 * whichever Java type the JDBC driver chose (H2 and MariaDB differ). Each read-side record makes itself from
 * a row in one factory, so no query reads an untyped row by hand.
 */
final class SqlRow {

    private final Object[] columns;

    private SqlRow(Object[] columns) {
        this.columns = columns;
    }

    /** Every row of a query of two or more columns, each made into a record by the given factory. */
    @SuppressWarnings("unchecked")
    static <T> List<T> read(Query query, Function<SqlRow, T> record) {
        return ((List<Object[]>) query.getResultList()).stream().map(row -> record.apply(new SqlRow(row))).toList();
    }

    String text(int column) {
        return (String) columns[column];
    }

    long whole(int column) {
        return SqlValues.whole(columns[column]);
    }

    BigDecimal decimal(int column) {
        return SqlValues.decimal(columns[column]);
    }

    /** A decimal rounded to the cent, as the reports show money. */
    BigDecimal money(int column) {
        return SalesAnalytics.money(columns[column]);
    }

    /** Whether the column has a value (a LEFT JOIN's column is null where nothing joined). */
    boolean present(int column) {
        return columns[column] != null;
    }

    /** A number that may be absent (a LEFT JOIN's column), as SQL has it. */
    Double optionalReal(int column) {
        return columns[column] == null ? null : ((Number) columns[column]).doubleValue();
    }

    BigDecimal optionalDecimal(int column) {
        return columns[column] == null ? null : SqlValues.decimal(columns[column]);
    }

    LocalDate date(int column) {
        return SqlValues.date(columns[column]);
    }

    Instant instant(int column) {
        return SqlValues.instant(columns[column]);
    }
}
