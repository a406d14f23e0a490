package com.ecommerce.analytics.analytics.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import com.ecommerce.analytics.platform.database.UtcInstantConverter;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * How many customers ordered (orders not canceled) in spans of time. A short span reads its orders from an
 * index holding the customer; a long one reads customer_stats: a customer whose first or last order falls
 * in the span ordered in it, and only those whose orders start before it and end after it need a look at
 * their own orders (one index dive each).
 */
@Stateless
public class CustomerActivity {

    /** A span of time, from inclusive, to exclusive. */
    public record Span(Instant from, Instant to) {
        boolean isShort() {
            return Duration.between(from, to).compareTo(SHORT) <= 0;
        }
    }

    private static final Duration SHORT = Duration.ofDays(93);

    /** Customers who ordered in a span, and those of them whose first order fell in it. */
    public record Customers(long ordered, long firstOrdered) {
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    public long orderedIn(Span span) {
        List<Object> parameters = new ArrayList<>();
        if (span.isShort()) {
            parameters.addAll(List.of(column(span.from()), column(span.to())));
            return count("SELECT COUNT(DISTINCT customer_id) FROM orders WHERE order_date >= ? AND order_date < ? "
                    + "AND status <> 'canceled'", parameters);
        }
        return count("SELECT COUNT(*) FROM customer_stats s WHERE " + orderedIn(span, parameters), parameters);
    }

    /**
     * Customers who ordered in both spans: those who ordered in the second (mostly read from customer_stats
     * alone when it ends now) with an order in the first, one index dive each.
     */
    public long orderedInBoth(Span first, Span second) {
        List<Object> parameters = new ArrayList<>();
        String inSecond = orderedIn(second, parameters);
        parameters.addAll(List.of(column(first.from()), column(first.to())));
        return count("SELECT COUNT(*) FROM customer_stats s WHERE " + inSecond + " AND EXISTS (SELECT 1 FROM orders o "
                + "WHERE o.customer_id = s.customer_id AND o.status <> 'canceled' AND o.order_date >= ? "
                + "AND o.order_date < ?)", parameters);
    }

    /** A long span counts both in one pass over customer_stats: a customer whose first order is in it ordered in it. */
    public Customers customers(Span span) {
        if (span.isShort()) {
            return new Customers(orderedIn(span), firstOrderedIn(span));
        }
        List<Object> parameters = new ArrayList<>(List.of(column(span.from())));
        Object[] counts = (Object[]) NativeQueries.bind(em.createNativeQuery("SELECT COUNT(*), "
                + "COALESCE(SUM(CASE WHEN s.first_order_date >= ? THEN 1 ELSE 0 END), 0) FROM customer_stats s WHERE "
                + orderedIn(span, parameters)), parameters).getSingleResult();
        return new Customers(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
    }

    /**
     * customers(span) on another thread and connection while the caller counts something else, when ReadsAside
     * gives a permit; else here and now.
     */
    public Future<Customers> customersMeanwhile(Span span) {
        return ReadsAside.tryStart() ? self().customersAside(span)
                : CompletableFuture.completedFuture(customers(span));
    }

    /** orderedIn(span), as customersMeanwhile. */
    public Future<Long> orderedInMeanwhile(Span span) {
        return ReadsAside.tryStart() ? self().orderedInAside(span)
                : CompletableFuture.completedFuture(orderedIn(span));
    }

    @Asynchronous
    public Future<Customers> customersAside(Span span) {
        try {
            return CompletableFuture.completedFuture(customers(span));
        } finally {
            ReadsAside.finished();
        }
    }

    @Asynchronous
    public Future<Long> orderedInAside(Span span) {
        try {
            return CompletableFuture.completedFuture(orderedIn(span));
        } finally {
            ReadsAside.finished();
        }
    }

    private CustomerActivity self() {
        return context.getBusinessObject(CustomerActivity.class);
    }

    /** What a ...Meanwhile method answered, once it has. */
    public static <T> T await(Future<T> counted) {
        return ReadsAside.await(counted, "customers");
    }

    /** Customers whose first order falls in the span. */
    private long firstOrderedIn(Span span) {
        List<Object> parameters = new ArrayList<>(List.of(column(span.from()), column(span.to())));
        return count("SELECT COUNT(*) FROM customer_stats WHERE first_order_date >= ? AND first_order_date < ?", parameters);
    }

    private static String orderedIn(Span span, List<Object> parameters) {
        Object from = column(span.from());
        Object to = column(span.to());
        parameters.addAll(List.of(to, from, from, to, from, to));
        return "(s.first_order_date < ? AND s.last_order_date >= ? AND (s.first_order_date >= ? OR s.last_order_date < ? "
                + "OR EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = s.customer_id AND o.status <> 'canceled' "
                + "AND o.order_date >= ? AND o.order_date < ?)))";
    }

    private long count(String sql, List<Object> parameters) {
        return ((Number) NativeQueries.bind(em.createNativeQuery(sql), parameters).getSingleResult()).longValue();
    }


    private static Object column(Instant instant) {
        return UtcInstantConverter.toColumn(instant);
    }
}
