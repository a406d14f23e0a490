package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.database.UtcInstantConverter;

import jakarta.ejb.Stateless;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The merchant's sales questions, answered from the daily aggregates (days x products rows), never from
 * the order lines. Revenue is quantity x unit price of orders that are not canceled, net of the refunds
 * dated in the range. Native SQL over the aggregate tables lives here and in the ledger only.
 */
@Stateless
public class SalesAnalytics {

    public record CategoryRevenue(String categoryName, BigDecimal totalRevenue, BigDecimal grossSales, BigDecimal refunds,
                                  long unitsSold) {
    }

    public record ProductSales(long id, String name, @JsonbProperty("SKU") String sku, long totalSales, BigDecimal revenue,
                               BigDecimal grossSales, BigDecimal refunds) {
    }

    public record Churn(double churnRate, String definition, int periodDays, long customers, long churned,
                        long retained) {
    }

    @PersistenceContext
    EntityManager em;

    public List<CategoryRevenue> revenueByCategory(LocalDate start, LocalDate end) {
        List<Object[]> rows = rows("SELECT c.name, SUM(s.gross), SUM(s.refunds), SUM(s.units) FROM sales_daily s "
                + "JOIN product p ON p.id = s.product_id JOIN category c ON c.id = p.category_id "
                + "WHERE s.sale_date >= ? AND s.sale_date <= ? GROUP BY c.id, c.name", start, end);
        return rows.stream()
                .map(r -> {
                    BigDecimal gross = money(r[1]);
                    BigDecimal refunds = money(r[2]);
                    return new CategoryRevenue((String) r[0], gross.subtract(refunds), gross, refunds, SqlValues.whole(r[3]));
                })
                .filter(c -> c.unitsSold() > 0 || c.refunds().signum() != 0)
                .sorted(Comparator.comparing(CategoryRevenue::totalRevenue).reversed()
                        .thenComparing(CategoryRevenue::categoryName))
                .toList();
    }

    public List<ProductSales> topSellingProducts(CountryCode country, LocalDate start, LocalDate end, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT s.product_id, p.name, p.sku, SUM(s.units) AS sold, "
                        + "SUM(s.gross), SUM(s.refunds) FROM sales_daily s JOIN product p ON p.id = s.product_id "
                        + "WHERE s.country = ? AND s.sale_date >= ? AND s.sale_date <= ? "
                        + "GROUP BY s.product_id, p.name, p.sku HAVING SUM(s.units) > 0 "
                        + "ORDER BY sold DESC, s.product_id")
                .setParameter(1, country.value()).setParameter(2, start).setParameter(3, end)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream().map(r -> {
            BigDecimal gross = money(r[4]);
            BigDecimal refunds = money(r[5]);
            return new ProductSales(SqlValues.whole(r[0]), (String) r[1], (String) r[2], SqlValues.whole(r[3]),
                    gross.subtract(refunds), gross, refunds);
        }).toList();
    }

    /**
     * inactive (the earlier service's): the share of all customers with no order in the last periodDays.
     * cohort: of the customers who ordered in the period before, the share who did not order in this one.
     */
    public Churn churnRate(int periodDays, boolean cohort) {
        Instant now = StoredTime.now();
        Instant periodStart = now.minusSeconds(86_400L * periodDays);
        if (!cohort) {
            long customers = count("SELECT COUNT(*) FROM customer WHERE registration_date < ?", now, null);
            long active = count("SELECT COUNT(DISTINCT customer_id) FROM orders WHERE status <> 'canceled' "
                    + "AND order_date >= ? AND order_date < ?", periodStart, now);
            return churn("inactive: customers without an order in the last " + periodDays + " days, of all customers",
                    periodDays, customers, active);
        }
        Instant previousStart = periodStart.minusSeconds(86_400L * periodDays);
        long previous = count("SELECT COUNT(DISTINCT customer_id) FROM orders WHERE status <> 'canceled' "
                + "AND order_date >= ? AND order_date < ?", previousStart, periodStart);
        long retained = ((Number) em.createNativeQuery("SELECT COUNT(DISTINCT o.customer_id) FROM orders o "
                        + "WHERE o.status <> 'canceled' AND o.order_date >= ? AND o.order_date < ? AND EXISTS ("
                        + "SELECT 1 FROM orders n WHERE n.customer_id = o.customer_id AND n.status <> 'canceled' "
                        + "AND n.order_date >= ? AND n.order_date < ?)")
                .setParameter(1, UtcInstantConverter.toColumn(previousStart))
                .setParameter(2, UtcInstantConverter.toColumn(periodStart))
                .setParameter(3, UtcInstantConverter.toColumn(periodStart))
                .setParameter(4, UtcInstantConverter.toColumn(now))
                .getSingleResult()).longValue();
        return churn("cohort: customers who ordered in the " + periodDays + " days before the last " + periodDays
                + " days and not in the last " + periodDays + " days, of those who ordered before", periodDays, previous, retained);
    }

    private static Churn churn(String definition, int periodDays, long customers, long retained) {
        long churned = customers - retained;
        double rate = customers == 0 ? 0 : Math.round(10_000.0 * churned / customers) / 10_000.0;
        return new Churn(rate, definition, periodDays, customers, churned, retained);
    }

    private long count(String sql, Instant from, Instant to) {
        var query = em.createNativeQuery(sql).setParameter(1, UtcInstantConverter.toColumn(from));
        if (to != null) {
            query.setParameter(2, UtcInstantConverter.toColumn(to));
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, LocalDate start, LocalDate end) {
        return em.createNativeQuery(sql).setParameter(1, start).setParameter(2, end).getResultList();
    }

    private static BigDecimal money(Object value) {
        return SqlValues.decimal(value).setScale(2, RoundingMode.HALF_UP);
    }
}
