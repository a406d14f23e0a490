package com.ecommerce.analytics.analytics.repair;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;
import com.ecommerce.analytics.analytics.control.Measures;
import com.ecommerce.analytics.analytics.ledger.SalesRows;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Adds what a repair found missing to the aggregates, each call one short transaction of row-level upserts.
 * Callers pass a few thousand rows at a time: the rows stay locked until the commit, and orders of the same
 * products and days should not wait long for them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Corrections {

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    /** Daily rows (and so their rollups), country and category rows. */
    public void apply(Map<SalesRows.SalesKey, Measures> sales, Map<SalesRows.CountryKey, Measures> countries,
                      Map<SalesRows.CategoryKey, Long> categories) {
        if (sales.isEmpty() && countries.isEmpty() && categories.isEmpty()) {
            return;
        }
        try (Connection db = dataSource.getConnection()) {
            SalesRows rows = new SalesRows(db);
            rows.addSales(sales);
            rows.addCountries(countries);
            rows.addCategories(categories);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot correct the sales aggregates", e);
        }
    }

    /** Month or year rows alone. */
    public void applyRollups(Map<SalesRows.RollupKey, Measures> rollups) {
        if (rollups.isEmpty()) {
            return;
        }
        try (Connection db = dataSource.getConnection()) {
            new SalesRows(db).addRollups(rollups);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot correct the sales rollups", e);
        }
    }
}
