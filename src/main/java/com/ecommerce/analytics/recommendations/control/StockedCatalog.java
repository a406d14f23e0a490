package com.ecommerce.analytics.recommendations.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.ecommerce.analytics.platform.database.InList;

/** The catalogue as it stands: active products with stock, read live for each request. */
final class StockedCatalog implements Recommender.Catalog {

    record Details(long id, String name, BigDecimal price, long category, String categoryName) {
    }

    private final Connection db;

    StockedCatalog(Connection db) {
        this.db = db;
    }

    @Override
    public Set<Long> offerable(Collection<Long> products, boolean healthyStock) {
        Set<Long> offerable = new HashSet<>();
        if (products.isEmpty()) {
            return offerable;
        }
        try (PreparedStatement query = db.prepareStatement("SELECT p.id FROM product p JOIN inventory v ON v.product_id = p.id "
                + "WHERE p.is_active = TRUE AND v.quantity > " + (healthyStock ? "v.low_stock_threshold" : "0")
                + " AND p.id IN " + InList.of(products.size()))) {
            InList.bind(query, 1, products);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    offerable.add(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the stock", e);
        }
        return offerable;
    }

    @Override
    public List<Long> inStock(int limit) {
        List<Long> stocked = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT p.id FROM product p JOIN inventory v ON v.product_id = p.id "
                + "WHERE p.is_active = TRUE AND v.quantity > 0 ORDER BY v.quantity DESC, p.id")) {
            query.setMaxRows(limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stocked.add(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the stock", e);
        }
        return stocked;
    }

    /** The whole catalogue's stock read once, for the offline evaluation's thousands of rankings. */
    static Recommender.Catalog snapshot(Connection db) throws SQLException {
        Map<Long, Integer> spare = new HashMap<>();
        Map<Long, Integer> healthySpare = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT p.id, v.quantity, v.low_stock_threshold FROM product p "
                + "JOIN inventory v ON v.product_id = p.id WHERE p.is_active = TRUE AND v.quantity > 0");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                spare.put(rows.getLong(1), rows.getInt(2));
                healthySpare.put(rows.getLong(1), rows.getInt(2) - rows.getInt(3));
            }
        }
        List<Long> bestStocked = spare.keySet().stream()
                .sorted(Comparator.comparing((Long id) -> -spare.get(id)).thenComparing(id -> id)).toList();
        return new Recommender.Catalog() {
            public Set<Long> offerable(Collection<Long> products, boolean healthyStock) {
                return products.stream().filter(p -> (healthyStock ? healthySpare : spare).getOrDefault(p, 0) > 0)
                        .collect(Collectors.toSet());
            }

            public List<Long> inStock(int limit) {
                return bestStocked.subList(0, Math.min(limit, bestStocked.size()));
            }
        };
    }

    Map<Long, Details> details(Collection<Long> products) throws SQLException {
        Map<Long, Details> details = new HashMap<>();
        if (products.isEmpty()) {
            return details;
        }
        try (PreparedStatement query = db.prepareStatement("SELECT p.id, p.name, p.price, p.category_id, c.name "
                + "FROM product p JOIN category c ON c.id = p.category_id WHERE p.id IN " + InList.of(products.size()))) {
            InList.bind(query, 1, products);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    details.put(rows.getLong(1), new Details(rows.getLong(1), rows.getString(2), rows.getBigDecimal(3),
                            rows.getLong(4), rows.getString(5)));
                }
            }
        }
        return details;
    }
}
