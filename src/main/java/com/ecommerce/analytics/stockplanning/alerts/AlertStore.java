package com.ecommerce.analytics.stockplanning.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.ecommerce.analytics.analytics.control.SqlValues;
import com.ecommerce.analytics.platform.database.UtcInstantConverter;
import com.ecommerce.analytics.platform.rest.Page;
import com.ecommerce.analytics.platform.rest.PageRequest;
import com.ecommerce.analytics.stockplanning.control.StockPosition;
import com.ecommerce.analytics.stockplanning.control.StockStatus;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;

/** The stock_watch and inventory_alert tables, in SQL: each method one transaction of the caller's. */
@Stateless
public class AlertStore {

    private static final String ALERT_COLUMNS = "a.id, a.product_id, p.sku, p.name, a.kind, a.previous_status, "
            + "a.on_hand, a.reorder_point, a.reorder_quantity, a.days_of_cover, a.stockout_date, a.raised_at, a.delivery, "
            + "a.attempts, a.next_attempt_at, a.delivered_at, a.last_error FROM inventory_alert a "
            + "JOIN product p ON p.id = a.product_id";

    public record Filter(Long product, String kind, String delivery) {
    }

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    public Map<Long, StockStatus> watched() {
        Map<Long, StockStatus> seen = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT product_id, status FROM stock_watch");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                seen.put(rows.getLong(1), StockStatus.fromCode(rows.getString(2)).orElse(StockStatus.HEALTHY));
            }
            return seen;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the stock watch", e);
        }
    }

    /**
     * Moves each product's watched status to the one seen now and records an alert for each crossing whose move
     * took (a product another instance moved first keeps that instance's alert); answers the kinds raised. With an
     * empty watch (its first run) it only remembers, so that a new installation does not alert on every product.
     */
    public List<String> record(List<Crossing> crossings, Map<Long, StockPosition> positions, boolean firstRun,
                               String delivery, Instant now) {
        List<String> kinds = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO stock_watch (product_id, status, seen_at) "
                     + "SELECT ?, ?, ? FROM (SELECT 1 AS one) x WHERE NOT EXISTS "
                     + "(SELECT 1 FROM stock_watch WHERE product_id = ?)");
             PreparedStatement move = connection.prepareStatement(
                     "UPDATE stock_watch SET status = ?, seen_at = ? WHERE product_id = ? AND status = ?");
             PreparedStatement alert = connection.prepareStatement("INSERT INTO inventory_alert (product_id, kind, "
                     + "previous_status, on_hand, reorder_point, reorder_quantity, days_of_cover, stockout_date, raised_at, "
                     + "delivery, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")) {
            for (Crossing crossing : crossings) {
                boolean took;
                if (crossing.previous() == null) {
                    insert.setLong(1, crossing.product());
                    insert.setString(2, crossing.now().code());
                    insert.setObject(3, utc(now));
                    insert.setLong(4, crossing.product());
                    took = insert.executeUpdate() == 1;
                } else {
                    move.setString(1, crossing.now().code());
                    move.setObject(2, utc(now));
                    move.setLong(3, crossing.product());
                    move.setString(4, crossing.previous().code());
                    took = move.executeUpdate() == 1;
                }
                if (took && !firstRun && crossing.raisesAlert()) {
                    insertAlert(alert, crossing, positions.get(crossing.product()), delivery, now);
                    kinds.add(crossing.now().code());
                }
            }
            return kinds;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record stock crossings", e);
        }
    }

    private static void insertAlert(PreparedStatement alert, Crossing crossing, StockPosition position, String delivery,
                                    Instant now) throws SQLException {
        alert.setLong(1, crossing.product());
        alert.setString(2, crossing.now().code());
        alert.setString(3, crossing.previous() == null ? null : crossing.previous().code());
        alert.setLong(4, position.onHand());
        alert.setLong(5, position.reorderPoint());
        alert.setLong(6, position.reorderQuantity());
        if (position.daysOfCover() == null) {
            alert.setNull(7, Types.DOUBLE);
        } else {
            alert.setDouble(7, position.daysOfCover());
        }
        alert.setObject(8, position.stockoutDate());
        alert.setObject(9, utc(now));
        alert.setString(10, delivery);
        alert.setObject(11, delivery.equals(Delivery.PENDING) ? utc(now) : null);
        alert.executeUpdate();
    }

    /** Pending alerts whose next call is due, oldest first. */
    public List<InventoryAlert> due(Instant now, int limit) {
        return query("SELECT " + ALERT_COLUMNS + " WHERE a.delivery = ? AND a.next_attempt_at <= ? ORDER BY a.id LIMIT ?",
                List.of(Delivery.PENDING, utc(now), limit));
    }

    /** Takes the alert for one call, unless another instance took it since it was read. */
    public boolean claim(InventoryAlert alert, Instant until) {
        return update("UPDATE inventory_alert SET next_attempt_at = ? WHERE id = ? AND delivery = ? AND attempts = ? "
                + "AND next_attempt_at = ?", utc(until), alert.id(), Delivery.PENDING, alert.attempts(),
                utc(alert.nextAttemptAt())) == 1;
    }

    public void delivered(InventoryAlert alert, Instant at) {
        update("UPDATE inventory_alert SET delivery = ?, attempts = ?, delivered_at = ?, next_attempt_at = NULL, "
                + "last_error = NULL WHERE id = ?", Delivery.DELIVERED, alert.attempts() + 1, utc(at), alert.id());
    }

    /** A failed call: tried again at {@code next}, or given up when there is none. */
    public void failed(InventoryAlert alert, String error, Instant next) {
        update("UPDATE inventory_alert SET delivery = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                next == null ? Delivery.FAILED : Delivery.PENDING, alert.attempts() + 1, next == null ? null : utc(next),
                error.length() > 500 ? error.substring(0, 500) : error, alert.id());
    }

    public Page<InventoryAlert> list(Filter filter, boolean newestFirst, PageRequest page) {
        List<Object> values = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (filter.product() != null) {
            where.append(" AND a.product_id = ?");
            values.add(filter.product());
        }
        if (filter.kind() != null) {
            where.append(" AND a.kind = ?");
            values.add(filter.kind());
        }
        if (filter.delivery() != null) {
            where.append(" AND a.delivery = ?");
            values.add(filter.delivery());
        }
        long total = count("SELECT COUNT(*) FROM inventory_alert a" + where, values);
        List<Object> paged = new ArrayList<>(values);
        paged.add(page.limit());
        paged.add(page.offset());
        List<InventoryAlert> items = query("SELECT " + ALERT_COLUMNS + where + " ORDER BY a.id "
                + (newestFirst ? "DESC" : "ASC") + " LIMIT ? OFFSET ?", paged);
        return new Page<>(items, total, page);
    }

    public Optional<InventoryAlert> find(long id) {
        return query("SELECT " + ALERT_COLUMNS + " WHERE a.id = ?", List.of(id)).stream().findFirst();
    }

    private List<InventoryAlert> query(String sql, List<Object> values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, values);
            List<InventoryAlert> alerts = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    double cover = row.getDouble(10);
                    alerts.add(new InventoryAlert(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getLong(7), row.getLong(8), row.getLong(9),
                            row.wasNull() ? null : cover, row.getObject(11, LocalDate.class), instant(row.getTimestamp(12)),
                            row.getString(13), row.getInt(14), instant(row.getTimestamp(15)), instant(row.getTimestamp(16)),
                            row.getString(17)));
                }
            }
            return alerts;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read inventory alerts", e);
        }
    }

    private long count(String sql, List<Object> values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, values);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count inventory alerts", e);
        }
    }

    private int update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            bind(update, java.util.Arrays.asList(values));
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update an inventory alert", e);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return UtcInstantConverter.toColumn(instant);
    }

    private static Instant instant(Timestamp utc) {
        return SqlValues.instant(utc);
    }
}
