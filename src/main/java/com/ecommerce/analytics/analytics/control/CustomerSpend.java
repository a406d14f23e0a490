package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.money.InStoreCurrency;
import com.ecommerce.analytics.platform.rest.Page;
import com.ecommerce.analytics.platform.rest.PageRequest;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

/**
 * The customers report over customer_stats (kept by SalesLedger, repaired by CustomerStatsRepair), with what the
 * customer model in use predicted for each customer at its fit (customer_prediction; null before a fit).
 */
@Stateless
public class CustomerSpend {

    public record Row(long id, String name, String email, String country, long orders, BigDecimal spend,
                      BigDecimal grossSpend, BigDecimal refunds, BigDecimal averageOrderValue, Instant firstOrderDate,
                      Instant lastOrderDate, Double probabilityAlive, Double expectedPurchases,
                      BigDecimal predictedClv, String rfmSegment) implements InStoreCurrency {

        public Row inSegment(String segment) {
            return new Row(id, name, email, country, orders, spend, grossSpend, refunds, averageOrderValue,
                    firstOrderDate, lastOrderDate, probabilityAlive, expectedPurchases, predictedClv, segment);
        }
    }

    /** Report filters; null means no bound. Spend is net: gross less refunds. */
    public record Filter(CountryCode country, String search, BigDecimal minSpend, BigDecimal maxSpend, Integer minOrders,
                         Integer maxOrders) {
    }

    /** The report's ordering fields and the SQL each sorts by; nothing else reaches the SQL text. */
    public static final Map<String, String> ORDERING = Map.of("id", "s.customer_id", "name", "c.name", "spend", "s.spend",
            "orders", "s.orders", "last_order_date", "s.last_order_date", "first_order_date", "s.first_order_date",
            "average_order_value", "(CASE WHEN s.orders > 0 THEN s.spend / s.orders ELSE 0 END)",
            "predicted_clv", "p.predicted_clv", "probability_alive", "p.probability_alive",
            "expected_purchases", "p.expected_purchases");

    private static final String SELECT = "SELECT c.id, c.name, c.email, c.country, s.orders, s.gross, s.refunds, "
            + "s.first_order_date, s.last_order_date, p.probability_alive, p.expected_purchases, p.predicted_clv ";
    private static final Set<String> PREDICTED = Set.of("p.predicted_clv", "p.probability_alive",
            "p.expected_purchases");

    @PersistenceContext
    EntityManager em;

    public Page<Row> report(Filter filter, String ordering, PageRequest page) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        // Every customer has a stats row: without a filter on the customer itself, counting needs no join.
        boolean byCustomer = filter.country() != null || (filter.search() != null && !filter.search().isBlank());
        long total = ((Number) NativeQueries.bind(em.createNativeQuery("SELECT COUNT(*) FROM customer_stats s"
                + (byCustomer ? " JOIN customer c ON c.id = s.customer_id" : "") + where), parameters)
                .getSingleResult()).longValue();
        String key = ordering == null ? "" : ordering.trim();
        String predicted = ORDERING.get(key.startsWith("-") ? key.substring(1) : key);
        if (predicted != null && PREDICTED.contains(predicted)) {
            return new Page<>(byPrediction(predicted, key.startsWith("-") ? " DESC" : " ASC", where, parameters, page),
                    total, page);
        }
        Query rows = NativeQueries.bind(em.createNativeQuery(SELECT + "FROM customer_stats s JOIN customer c ON "
                        + "c.id = s.customer_id LEFT JOIN customer_prediction p ON p.customer_id = s.customer_id" + where
                        + " ORDER BY " + orderBy(ordering)), parameters)
                .setFirstResult((int) page.offset())
                .setMaxResults(page.limit());
        return new Page<>(SqlRow.read(rows, CustomerSpend::row), total, page);
    }

    /**
     * Ordered by one prediction, the customers the fit predicted come first, read in the order of the prediction's
     * index (ties by id the same way, so that the index serves the page), then those without, by id.
     */
    private List<Row> byPrediction(String column, String direction, String where, List<Object> parameters,
                                   PageRequest page) {
        String predictedOnly = (where.isEmpty() ? " WHERE " : where + " AND ") + column + " IS NOT NULL";
        List<Row> rows = new ArrayList<>(SqlRow.read(NativeQueries.bind(em.createNativeQuery(SELECT
                        + "FROM customer_prediction p JOIN customer_stats s ON s.customer_id = p.customer_id "
                        + "JOIN customer c ON c.id = s.customer_id" + predictedOnly + " ORDER BY " + column + direction
                        + ", p.customer_id" + direction), parameters)
                .setFirstResult((int) page.offset())
                .setMaxResults(page.limit()), CustomerSpend::row));
        if (rows.size() == page.limit()) {
            return rows;
        }
        long withPrediction = ((Number) NativeQueries.bind(em.createNativeQuery("SELECT COUNT(*) FROM "
                + "customer_prediction p JOIN customer_stats s ON s.customer_id = p.customer_id JOIN customer c ON "
                + "c.id = s.customer_id" + predictedOnly), parameters).getSingleResult()).longValue();
        String withoutOnly = (where.isEmpty() ? " WHERE " : where + " AND ") + column + " IS NULL";
        rows.addAll(SqlRow.read(NativeQueries.bind(em.createNativeQuery(SELECT + "FROM customer_stats s JOIN "
                        + "customer c ON c.id = s.customer_id LEFT JOIN customer_prediction p ON "
                        + "p.customer_id = s.customer_id" + withoutOnly + " ORDER BY s.customer_id" + direction), parameters)
                .setFirstResult((int) Math.max(0, page.offset() - withPrediction))
                .setMaxResults(page.limit() - rows.size()), CustomerSpend::row));
        return rows;
    }

    private static String where(Filter filter, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.country() != null) {
            conditions.add("c.country = ?");
            parameters.add(filter.country().value());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            conditions.add("(LOWER(c.name) LIKE ? OR LOWER(c.email) LIKE ?)");
            String pattern = "%" + filter.search().trim().toLowerCase(Locale.ROOT) + "%";
            parameters.add(pattern);
            parameters.add(pattern);
        }
        bound(conditions, parameters, "s.spend >= ?", filter.minSpend());
        bound(conditions, parameters, "s.spend <= ?", filter.maxSpend());
        bound(conditions, parameters, "s.orders >= ?", filter.minOrders());
        bound(conditions, parameters, "s.orders <= ?", filter.maxOrders());
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void bound(List<String> conditions, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.add(value);
        }
    }

    private static String orderBy(String ordering) {
        List<String> keys = new ArrayList<>();
        for (String field : (ordering == null || ordering.isBlank() ? "-spend" : ordering).split(",")) {
            String name = field.trim();
            boolean descending = name.startsWith("-");
            String sql = ORDERING.get(descending ? name.substring(1) : name);
            if (sql == null) {
                throw InvalidRequest.field("ordering", "cannot order by '" + name + "'; use one of "
                        + String.join(", ", ORDERING.keySet()) + ", with '-' for descending");
            }
            if (PREDICTED.contains(sql)) {
                // Customers without a prediction come last either way, as on neither database by default.
                keys.add("CASE WHEN " + sql + " IS NULL THEN 1 ELSE 0 END");
            }
            keys.add(sql + (descending ? " DESC" : " ASC"));
        }
        keys.add("s.customer_id ASC");
        return String.join(", ", keys);
    }

    private static Row row(SqlRow row) {
        CustomerStats stats = CustomerStats.of(row, 4);
        return new Row(row.whole(0), row.text(1), row.text(2), row.text(3), stats.orders(), stats.spend(), stats.gross(),
                stats.refunds(), stats.averageOrderValue(), stats.firstOrderDate(), stats.lastOrderDate(),
                row.optionalReal(9), row.optionalReal(10), row.optionalDecimal(11), null);
    }
}
