package com.ecommerce.analytics.analytics.control;

/**
 * The statements that add a change to a day's aggregate row, creating it when the day has none; shared by
 * SalesLedger (one change) and BulkSalesLedger (a batch). Parameters: the row's key, then units, gross,
 * orders, refunded units and refunds (category rows: orders only).
 */
final class AggregateUpserts {

    private static final String ADD_MEASURES = " ON DUPLICATE KEY UPDATE units = units + VALUES(units), "
            + "gross = gross + VALUES(gross), orders = orders + VALUES(orders), "
            + "refunded_units = refunded_units + VALUES(refunded_units), refunds = refunds + VALUES(refunds)";

    static final String SALES = "INSERT INTO sales_daily (sale_date, product_id, country, units, gross, orders, "
            + "refunded_units, refunds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)" + ADD_MEASURES;

    static final String COUNTRY = "INSERT INTO country_daily (sale_date, country, units, gross, orders, refunded_units, "
            + "refunds) VALUES (?, ?, ?, ?, ?, ?, ?)" + ADD_MEASURES;

    static final String CATEGORY = "INSERT INTO category_daily (sale_date, category_id, orders) VALUES (?, ?, ?) "
            + "ON DUPLICATE KEY UPDATE orders = orders + VALUES(orders)";

    private AggregateUpserts() {
    }
}
