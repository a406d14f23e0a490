package com.ecommerce.analytics.analytics.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The two kinds of sales snapshot (see migration V7): per product over all countries, taken every Monday,
 * and per product and country, taken on the 1st of every month (ten times the rows, so less often).
 */
enum SnapshotScope {
    PRODUCT("product", "product_sales_before", "product_id"),
    PRODUCT_COUNTRY("product_country", "product_country_sales_before", "country, product_id");

    final String code;
    final String table;
    final String keys;

    SnapshotScope(String code, String table, String keys) {
        this.code = code;
        this.table = table;
        this.keys = keys;
    }

    /** The latest snapshot day on or before the day. */
    LocalDate dayOnOrBefore(LocalDate day) {
        return this == PRODUCT ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    LocalDate next(LocalDate snapshotDay) {
        return this == PRODUCT ? snapshotDay.plusWeeks(1) : snapshotDay.plusMonths(1);
    }

    /** A snapshot's five measures summed per key over its rows and the sales_daily rows of the days after it. */
    String rollForward() {
        return "SELECT " + keys + ", SUM(units), SUM(gross), SUM(orders), SUM(refunded_units), SUM(refunds) FROM ("
                + "SELECT " + keys + ", units, gross, orders, refunded_units, refunds FROM " + table
                + " WHERE snapshot_day = ? UNION ALL SELECT " + keys + ", units, gross, orders, refunded_units, refunds "
                + "FROM sales_daily WHERE sale_date >= ? AND sale_date < ?) x GROUP BY " + keys;
    }
}
