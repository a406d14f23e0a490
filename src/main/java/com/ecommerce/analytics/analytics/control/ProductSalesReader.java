package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.analytics.ledger.SalesRows;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Product and category sales over any range, read from the daily rows and their month and year rollups as the
 * range's PeriodCover says: a few whole years and months and the days at its edges, whatever its length. One
 * statement reads every part, so the parts agree with each other even while orders commit. Reads only.
 */
@Stateless
public class ProductSalesReader {

    private static final String MEASURES = "product_id, units, gross, orders, refunded_units, refunds";

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    @Inject
    StoreCalendar calendar;

    /** Each product's sales in the range (in one country, or in all when country is null); products without any left out. */
    public Map<Long, Measures> byProduct(Comparison.Range range, CountryCode country) {
        String rollupCountry = country == null ? SalesRows.ALL_COUNTRIES : country.value();
        List<String> parts = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (PeriodCover.Run run : PeriodCover.of(range.start(), range.end(), calendar.today())) {
            if (run.grain() == PeriodCover.Grain.DAY) {
                parts.add("SELECT " + run.sign() + ", " + MEASURES + " FROM sales_daily WHERE sale_date >= ? AND sale_date < ?"
                        + (country == null ? "" : " AND country = ?"));
                values.add(run.from());
                values.add(run.until());
                if (country != null) {
                    values.add(country.value());
                }
            } else {
                parts.add("SELECT " + run.sign() + ", " + MEASURES + " FROM sales_rollup WHERE grain = ? AND country = ? "
                        + "AND period_start >= ? AND period_start < ?");
                values.add(run.grain().code());
                values.add(rollupCountry);
                values.add(run.from());
                values.add(run.until());
            }
        }
        Map<Long, Measures> sales = read(String.join(" UNION ALL ", parts), values);
        sales.values().removeIf(Measures::isZero);
        return sales;
    }

    /** Each category's sales in the range, by category name; products count in their current category. */
    public Map<String, Measures> byCategory(Comparison.Range range) {
        Map<Long, String> categories = categoryNames();
        Map<String, Measures> sales = new HashMap<>();
        byProduct(range, null).forEach((product, measures) ->
                sales.merge(categories.get(product), measures, Measures::plus));
        sales.values().removeIf(Measures::isZero);
        return sales;
    }

    /** Every product's category name, by product id: one row per product, read with plain JDBC as the sales are. */
    private Map<Long, String> categoryNames() {
        Map<Long, String> names = new HashMap<>();
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(
                "SELECT p.id, c.name FROM product p JOIN category c ON c.id = p.category_id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                names.put(rows.getLong(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the products' categories", e);
        }
        return names;
    }

    /**
     * Plain JDBC: tens of thousands of rows, summed here into one mutable tally per product, so that a row costs
     * its parsing and a few additions rather than new objects.
     */
    private Map<Long, Measures> read(String sql, List<Object> values) {
        Map<Long, Tally> tallies = new HashMap<>();
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tallies.computeIfAbsent(rows.getLong(2), product -> new Tally()).add(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the product sales", e);
        }
        Map<Long, Measures> sales = new HashMap<>(tallies.size() * 2);
        tallies.forEach((product, tally) -> sales.put(product, tally.measures()));
        return sales;
    }

    /** One product's measures as the rows of a range's parts are added (sign 1) or subtracted (sign -1). */
    private static final class Tally {
        private long units;
        private BigDecimal gross = BigDecimal.ZERO;
        private long orders;
        private long refundedUnits;
        private BigDecimal refunds = BigDecimal.ZERO;

        void add(ResultSet row) throws SQLException {
            int sign = row.getInt(1);
            units += sign * row.getLong(3);
            gross = plus(gross, sign, row.getBigDecimal(4));
            orders += sign * row.getLong(5);
            refundedUnits += sign * row.getLong(6);
            refunds = plus(refunds, sign, row.getBigDecimal(7));
        }

        private static BigDecimal plus(BigDecimal sum, int sign, BigDecimal amount) {
            return switch (sign) {
                case 1 -> sum.add(amount);
                case -1 -> sum.subtract(amount);
                default -> sum.add(amount.multiply(BigDecimal.valueOf(sign)));
            };
        }

        Measures measures() {
            return new Measures(units, gross, orders, refundedUnits, refunds);
        }
    }
}
