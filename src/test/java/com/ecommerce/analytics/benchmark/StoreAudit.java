package com.ecommerce.analytics.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ecommerce.analytics.benchmark.OrderTraffic.Placement;

/**
 * After the faults, the store read straight from a database node and held against what the clients were told:
 * every 201 is an order that exists, each Idempotency-Key stored at most one order and no order lacks its key
 * (so no retry placed a second one), no stock went below zero and every unit is either in stock or in an order.
 */
final class StoreAudit {

    private static final Pattern ORDER_ID = Pattern.compile("^\\{\"id\":(\\d+)");

    private final List<String> findings = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /** What was found, line by line, for the report. */
    List<String> findings() {
        return findings;
    }

    /** What breaks a promise of the service: empty when all is well. */
    List<String> problems() {
        return problems;
    }

    StoreAudit(Connection db, List<Placement> placements, Map<Long, Integer> stockAtStart) throws SQLException {
        try (Statement session = db.createStatement()) {
            // Galera applies other nodes' writes asynchronously: wait until this node has applied all of them.
            session.execute("SET SESSION wsrep_sync_wait = 1");
        }
        Set<Long> orders = ids(db, "SELECT id FROM orders");
        Map<String, Long> orderOfKey = orderOfKey(db);
        checkAnswers(placements, orders, orderOfKey);
        checkKeys(placements, orders, orderOfKey);
        checkStock(db, stockAtStart);
    }

    private void checkAnswers(List<Placement> placements, Set<Long> orders, Map<String, Long> orderOfKey) {
        Map<Long, String> keyOfAnswer = new HashMap<>();
        long created = 0;
        long missing = 0;
        long sharedIds = 0;
        long wrongKey = 0;
        for (Placement p : placements) {
            if (p.order() == 0) {
                continue;
            }
            created++;
            if (!orders.contains(p.order())) {
                missing++;
            }
            String other = keyOfAnswer.putIfAbsent(p.order(), p.key());
            if (other != null) {
                sharedIds++;
            }
            if (!Long.valueOf(p.order()).equals(orderOfKey.get(p.key()))) {
                wrongKey++;
            }
        }
        findings.add(String.format("%,d orders answered 201; %,d of them missing from the database, %,d named by two "
                + "keys' answers, %,d whose key's stored answer names another order", created, missing, sharedIds, wrongKey));
        if (missing + sharedIds + wrongKey > 0) {
            problems.add("201 answers without exactly their one order: missing " + missing + ", shared " + sharedIds
                    + ", key mismatch " + wrongKey);
        }
    }

    private void checkKeys(List<Placement> placements, Set<Long> orders, Map<String, Long> orderOfKey) {
        Map<Long, Integer> keysPerOrder = new HashMap<>();
        orderOfKey.values().forEach(order -> keysPerOrder.merge(order, 1, Integer::sum));
        long withoutKey = orders.stream().filter(o -> !keysPerOrder.containsKey(o)).count();
        long twoKeys = keysPerOrder.values().stream().filter(n -> n > 1).count();
        long retried = 0;
        long retriedPlaced = 0;
        long retriedReplayed = 0;
        long failedNothingStored = 0;
        long failedButStored = 0;
        Set<String> sent = new HashSet<>();
        for (Placement p : placements) {
            sent.add(p.key());
            boolean stored = orderOfKey.containsKey(p.key());
            if (p.retried()) {
                retried++;
                retriedPlaced += p.order() != 0 ? 1 : 0;
                retriedReplayed += p.last().replayed() ? 1 : 0;
            }
            if (p.order() == 0 && p.last().status() != 409) {
                if (stored) {
                    failedButStored++;
                } else {
                    failedNothingStored++;
                }
            }
        }
        long foreignKeys = orderOfKey.keySet().stream().filter(k -> !sent.contains(k)).count();
        findings.add(String.format("%,d orders in the database, %,d Idempotency-Keys stored with an order; orders without "
                + "a key: %,d, orders named by two keys: %,d, stored keys no client sent: %,d", orders.size(),
                orderOfKey.size(), withoutKey, twoKeys, foreignKeys));
        findings.add(String.format("%,d orders retried: %,d ended with 201 (%,d of them replayed an order the first "
                + "attempt had placed); of the orders that failed after the retry, %,d stored nothing and %,d were placed "
                + "though the client never heard (a third send of the key would replay it)", retried, retriedPlaced,
                retriedReplayed, failedNothingStored, failedButStored));
        if (withoutKey + twoKeys + foreignKeys > 0) {
            problems.add("keys and orders are not one to one: " + withoutKey + " orders without a key, " + twoKeys
                    + " orders with two keys, " + foreignKeys + " unknown keys");
        }
    }

    private void checkStock(Connection db, Map<Long, Integer> stockAtStart) throws SQLException {
        Map<Long, Long> stock = longs(db, "SELECT product_id, quantity FROM inventory");
        Map<Long, Long> sold = longs(db, "SELECT i.product_id, SUM(i.quantity) FROM order_item i JOIN orders o "
                + "ON o.id = i.order_id WHERE o.status <> 'canceled' GROUP BY i.product_id");
        long negative = stock.values().stream().filter(q -> q < 0).count();
        List<String> unbalanced = new ArrayList<>();
        for (var product : stockAtStart.entrySet()) {
            long now = stock.getOrDefault(product.getKey(), 0L);
            long units = sold.getOrDefault(product.getKey(), 0L);
            if (now + units != product.getValue()) {
                unbalanced.add("product " + product.getKey() + ": " + product.getValue() + " at start, " + now
                        + " now, " + units + " sold");
            }
        }
        findings.add(String.format("stock: %d rows below zero; %d of %d products where stock at start != stock now + "
                + "units in orders not canceled %s; units sold %,d", negative, unbalanced.size(), stockAtStart.size(),
                unbalanced, sold.values().stream().mapToLong(Long::longValue).sum()));
        if (negative > 0 || !unbalanced.isEmpty()) {
            problems.add("stock oversold or lost: " + negative + " negative rows, " + unbalanced);
        }
    }

    private static Map<String, Long> orderOfKey(Connection db) throws SQLException {
        Map<String, Long> orderOfKey = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery(
                "SELECT idempotency_key, response_status, response_body FROM idempotency_key")) {
            while (rows.next()) {
                Matcher id = ORDER_ID.matcher(rows.getString(3));
                if (rows.getInt(2) == 201 && id.find()) {
                    orderOfKey.put(rows.getString(1), Long.parseLong(id.group(1)));
                }
            }
        }
        return orderOfKey;
    }

    private static Set<Long> ids(Connection db, String sql) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static Map<Long, Long> longs(Connection db, String sql) throws SQLException {
        Map<Long, Long> values = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.put(rows.getLong(1), rows.getLong(2));
            }
        }
        return values;
    }
}
