package com.ecommerce.analytics.stockplanning.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.ecommerce.analytics.platform.lifecycle.BackgroundWork;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;

/**
 * The feature's reads of the catalogue, the stock records and the daily sales, in SQL over one connection each:
 * thousands of rows per report, which JPA entities would only slow down.
 */
@Stateless
public class StockFacts {

    private static final int WEEKS_A_READ = 8;

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    /** Products on sale or with stock left, with their category (or only one category's). */
    public List<ProductStock> products(Long category) {
        return products(category, true);
    }

    /** Every product, withdrawn ones too (they sold in the past). */
    public List<ProductStock> allProducts(Long category) {
        return products(category, false);
    }

    private List<ProductStock> products(Long category, boolean onSaleOrStocked) {
        String sql = "SELECT p.id, p.sku, p.name, p.category_id, c.name, p.price, p.cost_price, "
                + "COALESCE(p.lead_time_days, c.lead_time_days), COALESCE(p.service_level, c.service_level), "
                + "COALESCE(i.quantity, 0), p.is_active FROM product p JOIN category c ON c.id = p.category_id "
                + "LEFT JOIN inventory i ON i.product_id = p.id WHERE "
                + (onSaleOrStocked ? "(p.is_active = TRUE OR i.quantity > 0)" : "1 = 1")
                + (category == null ? "" : " AND p.category_id = ?");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (category != null) {
                statement.setLong(1, category);
            }
            List<ProductStock> products = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    products.add(new ProductStock(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                            rows.getString(5), rows.getBigDecimal(6), rows.getBigDecimal(7),
                            (Integer) rows.getObject(8, Integer.class), rows.getBigDecimal(9), rows.getLong(10),
                            rows.getBoolean(11)));
                }
            }
            return products;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read products and stock", e);
        }
    }

    /**
     * Each product's net units (sold less refunded, canceled orders left out, as sales_daily keeps them) in each of
     * the weeks ending on {@code through}, oldest week first.
     */
    public Map<Long, double[]> weeklyNetUnits(LocalDate through, int weeks) {
        LocalDate first = through.minusDays(7L * weeks - 1);
        Map<Long, double[]> series = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT product_id, sale_date, "
                     + "SUM(units - refunded_units) FROM sales_daily WHERE sale_date >= ? AND sale_date <= ? "
                     + "GROUP BY product_id, sale_date")) {
            statement.setFetchSize(10_000);
            // A few weeks a statement, each a short read of the database, between which a background build gives way.
            for (LocalDate from = first; !from.isAfter(through); from = from.plusWeeks(WEEKS_A_READ)) {
                LocalDate to = from.plusWeeks(WEEKS_A_READ).minusDays(1);
                statement.setObject(1, from);
                statement.setObject(2, to.isAfter(through) ? through : to);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        BackgroundWork.giveWayToRequests();
                        int week = (int) (java.time.temporal.ChronoUnit.DAYS.between(first,
                                rows.getObject(2, LocalDate.class)) / 7);
                        series.computeIfAbsent(rows.getLong(1), product -> new double[weeks])[week] += rows.getLong(3);
                    }
                }
            }
            return series;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read weekly sales", e);
        }
    }
}
