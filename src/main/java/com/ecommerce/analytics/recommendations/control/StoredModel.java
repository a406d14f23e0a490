package com.ecommerce.analytics.recommendations.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.ecommerce.analytics.platform.database.InList;

/**
 * The model in use, read from its tables for one request; the customer's own purchases are read live from
 * the orders, so a purchase made since the build is already excluded.
 */
final class StoredModel implements Recommender.Model {

    static final int BEST_SELLERS_READ = 1_000;

    private final Connection db;
    private final long model;
    private final ModelCache.Entry cached;

    private StoredModel(Connection db, long model, ModelCache cache) {
        this.db = db;
        this.model = model;
        this.cached = cache.of(model);
    }

    /** The model in use; before the first build, an empty one (every list is then filled from stock). */
    static StoredModel active(Connection db, ModelCache cache) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT active_model_id FROM recommendation_state WHERE id = 1");
             ResultSet row = query.executeQuery()) {
            return new StoredModel(db, row.next() ? row.getLong(1) : 0, cache);
        }
    }

    List<Recommender.Bought> purchasesOf(long customer) throws SQLException {
        List<Recommender.Bought> bought = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT i.product_id, p.category_id, MAX(o.order_date) "
                + "FROM orders o JOIN order_item i ON i.order_id = o.id JOIN product p ON p.id = i.product_id "
                + "WHERE o.customer_id = ? AND o.status <> 'canceled' GROUP BY i.product_id, p.category_id")) {
            query.setLong(1, customer);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    bought.add(new Recommender.Bought(rows.getLong(1), rows.getLong(2), RecommendationModelBuild.epochDay(
                            rows.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC))));
                }
            }
        }
        return bought;
    }

    @Override
    public Map<Long, List<Neighbour>> productNeighbours(Collection<Long> products) {
        Map<Long, List<Neighbour>> neighbours = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (long product : products) {
            List<Neighbour> known = cached.productNeighbours.get(product);
            if (known != null) {
                neighbours.put(product, known);
            } else {
                missing.add(product);
            }
        }
        if (missing.isEmpty()) {
            return neighbours;
        }
        Map<Long, List<Neighbour>> read = new HashMap<>();
        missing.forEach(product -> read.put(product, new ArrayList<>()));
        read("SELECT product_id, neighbour_id, similarity, co_buyers FROM product_neighbour WHERE model_id = ? "
                + "AND product_id IN " + InList.of(missing.size()) + " ORDER BY product_id, similarity DESC", missing,
                rows -> read.get(rows.getLong(1)).add(new Neighbour(rows.getLong(2), rows.getDouble(3), rows.getInt(4))));
        read.forEach((product, list) -> {
            if (cached.hasRoom()) {
                cached.productNeighbours.put(product, List.copyOf(list));
            }
        });
        neighbours.putAll(read);
        return neighbours;
    }

    @Override
    public List<SuggestedProduct> productsOfSimilarCustomers(long customer) {
        List<SuggestedProduct> suggested = new ArrayList<>();
        read("SELECT product_id, score FROM similar_customer_product WHERE model_id = ? AND customer_id = ?",
                List.of(customer), rows -> suggested.add(new SuggestedProduct(rows.getLong(1), rows.getDouble(2))));
        return suggested;
    }

    @Override
    public List<Popular> bestSellers(String country) {
        return cached.bestSellers.computeIfAbsent(country, this::readBestSellers);
    }

    private List<Popular> readBestSellers(String country) {
        List<Popular> popular = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT product_id, category_id, score FROM product_popularity "
                + "WHERE model_id = ? AND country = ? ORDER BY score DESC, product_id")) {
            query.setMaxRows(BEST_SELLERS_READ);
            query.setLong(1, model);
            query.setString(2, country);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    popular.add(new Popular(rows.getLong(1), rows.getLong(2), rows.getDouble(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the best sellers", e);
        }
        return List.copyOf(popular);
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** A query of this model's rows: the model id first, then the ids it is about. */
    private void read(String sql, Collection<Long> ids, RowReader reader) {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, model);
            InList.bind(query, 2, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the recommendation model", e);
        }
    }
}
