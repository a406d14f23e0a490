package com.ecommerce.analytics.recommendations.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.ecommerce.analytics.platform.database.StoredTime;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The stored models: each method is its own transaction, so a build writes its rows in batches and the
 * switch to a new model is one short transaction that every instance sees at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ModelStore {

    private static final int BATCH = 1_000;
    private static final int DELETE_BATCH = 10_000;

    public record Counts(int customers, int products, long orderLines) {
    }

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    /**
     * Registers a new model being built; the caller holds the build's job lease, so a model still marked building was
     * left by a build that died, and is retired.
     */
    public long start(Instant trainedBefore) {
        try (Connection db = dataSource.getConnection()) {
            Instant now = StoredTime.now();
            update(db, "UPDATE recommendation_model SET status = 'retired' WHERE status = 'building'");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO recommendation_model "
                    + "(status, trained_before, started_at) VALUES ('building', ?, ?)", new String[] {"id"})) {
                insert.setObject(1, OrderHistory.utc(trainedBefore));
                insert.setObject(2, OrderHistory.utc(now));
                insert.executeUpdate();
                try (ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    return key.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start a recommendation model", e);
        }
    }

    public void addProductNeighbours(long model, Map<Long, List<Neighbour>> products) {
        insertLists("INSERT INTO product_neighbour (model_id, product_id, neighbour_id, similarity, co_buyers) "
                + "VALUES (?, ?, ?, ?, ?)", model, products.entrySet(), (insert, product, neighbour) -> {
                    insert.setLong(2, product);
                    insert.setLong(3, neighbour.id());
                    insert.setDouble(4, neighbour.similarity());
                    insert.setInt(5, neighbour.shared());
                });
    }

    public void addSimilarCustomerProducts(long model, Map<Long, List<SuggestedProduct>> customers) {
        insertLists("INSERT INTO similar_customer_product (model_id, customer_id, product_id, score) VALUES (?, ?, ?, ?)",
                model, customers.entrySet(), (insert, customer, suggested) -> {
                    insert.setLong(2, customer);
                    insert.setLong(3, suggested.product());
                    insert.setDouble(4, suggested.score());
                });
    }

    public void addBestSellers(long model, Map<String, List<Popular>> bestSellers) {
        insertLists("INSERT INTO product_popularity (model_id, country, category_id, product_id, score) "
                + "VALUES (?, ?, ?, ?, ?)", model, bestSellers.entrySet(), (insert, country, popular) -> {
                    insert.setString(2, country);
                    insert.setLong(3, popular.category());
                    insert.setLong(4, popular.product());
                    insert.setDouble(5, popular.score());
                });
    }

    /** Puts the model in use for every instance and retires the one it replaces. */
    public void activate(long model, Counts counts) {
        try (Connection db = dataSource.getConnection()) {
            update(db, "UPDATE recommendation_model SET status = 'retired' WHERE status = 'active'");
            try (PreparedStatement finish = db.prepareStatement("UPDATE recommendation_model SET status = 'active', "
                    + "finished_at = ?, customers = ?, products = ?, order_lines = ? WHERE id = ?")) {
                finish.setObject(1, OrderHistory.utc(StoredTime.now()));
                finish.setInt(2, counts.customers());
                finish.setInt(3, counts.products());
                finish.setLong(4, counts.orderLines());
                finish.setLong(5, model);
                finish.executeUpdate();
            }
            try (PreparedStatement point = db.prepareStatement(
                    "UPDATE recommendation_state SET active_model_id = ? WHERE id = 1")) {
                point.setLong(1, model);
                point.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot activate the recommendation model", e);
        }
    }

    public void abandon(long model) {
        try (Connection db = dataSource.getConnection(); PreparedStatement retire = db.prepareStatement(
                "UPDATE recommendation_model SET status = 'retired' WHERE id = ? AND status = 'building'")) {
            retire.setLong(1, model);
            retire.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot retire the recommendation model", e);
        }
    }

    /** Retired models whose rows are still stored. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Long> retired() {
        List<Long> models = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(
                "SELECT id FROM recommendation_model WHERE status = 'retired'");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                models.add(rows.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list retired models", e);
        }
        return models;
    }

    /** Deletes up to a batch of a retired model's rows from each table, and the model once none are left; 0 then. */
    public int purgeSome(long model) {
        int deleted = 0;
        try (Connection db = dataSource.getConnection()) {
            for (String table : List.of("product_neighbour", "similar_customer_product", "product_popularity")) {
                try (PreparedStatement delete = db.prepareStatement(
                        "DELETE FROM " + table + " WHERE model_id = ? LIMIT " + DELETE_BATCH)) {
                    delete.setLong(1, model);
                    deleted += delete.executeUpdate();
                }
            }
            if (deleted == 0) {
                try (PreparedStatement forget = db.prepareStatement("DELETE FROM recommendation_model WHERE id = ?")) {
                    forget.setLong(1, model);
                    forget.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete a retired model", e);
        }
        return deleted;
    }

    /** The active model and when it was built, or null before the first build. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ActiveModel active() {
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(
                "SELECT m.id, m.finished_at FROM recommendation_state s JOIN recommendation_model m "
                        + "ON m.id = s.active_model_id WHERE s.id = 1");
             ResultSet rows = query.executeQuery()) {
            return rows.next() ? new ActiveModel(rows.getLong(1),
                    rows.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the active model", e);
        }
    }

    public record ActiveModel(long id, Instant builtAt) {
    }

    /** Binds the parameters after the model id (1) of one row: a key and one value of its list. */
    private interface RowBinder<K, V> {
        void bind(PreparedStatement insert, K key, V value) throws SQLException;
    }

    /** One row per value of each key's list, sent in JDBC batches of BATCH rows. */
    private <K, V> void insertLists(String sql, long model, Collection<Map.Entry<K, List<V>>> lists, RowBinder<K, V> row) {
        try (Connection db = dataSource.getConnection(); PreparedStatement insert = db.prepareStatement(sql)) {
            int pending = 0;
            for (Map.Entry<K, List<V>> list : lists) {
                for (V value : list.getValue()) {
                    insert.setLong(1, model);
                    row.bind(insert, list.getKey(), value);
                    insert.addBatch();
                    if (++pending % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the recommendation model", e);
        }
    }

    private static void update(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
