package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.ecommerce.analytics.customers.entity.CountryCode;

import jakarta.ejb.Stateless;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Revenue broken down by category, country and product, and the top sellers of a country, from the daily
 * aggregates (days x products rows), never from the order lines. Revenue is quantity x unit price of orders
 * that are not canceled, net of the refunds dated in the range. Native SQL over the aggregate tables lives
 * in this package only.
 */
@Stateless
public class SalesAnalytics {

    public record CategoryRevenue(String categoryName, BigDecimal totalRevenue, BigDecimal grossSales,
                                  BigDecimal refunds, long unitsSold, BigDecimal previousTotalRevenue,
                                  BigDecimal changePercent) {
    }

    public record CountryRevenue(String country, BigDecimal totalRevenue, BigDecimal grossSales, BigDecimal refunds,
                                 long unitsSold, long orders, BigDecimal previousTotalRevenue, BigDecimal changePercent) {
    }

    public record ProductRevenue(long id, String name, @JsonbProperty("SKU") String sku, String categoryName,
                                 BigDecimal totalRevenue, BigDecimal grossSales, BigDecimal refunds, long unitsSold,
                                 long orders, BigDecimal previousTotalRevenue, BigDecimal changePercent) {
    }

    public record ProductSales(long id, String name, @JsonbProperty("SKU") String sku, long totalSales, BigDecimal revenue,
                               BigDecimal grossSales, BigDecimal refunds, Long previousTotalSales,
                               BigDecimal changePercent) {
    }

    /** Summed measures of one group. */
    record Sum(String label, BigDecimal gross, BigDecimal refunds, long units, long orders) {
        BigDecimal net() {
            return gross.subtract(refunds);
        }
    }

    @PersistenceContext
    EntityManager em;

    public List<CategoryRevenue> revenueByCategory(LocalDate start, LocalDate end, Comparison compare) {
        Map<Object, Sum> current = sums(CATEGORY, start, end, null);
        Map<Object, Sum> previous = previous(CATEGORY, start, end, compare);
        return current.values().stream()
                .map(s -> {
                    BigDecimal before = previous == null ? null : net(previous.get(s.label()));
                    return new CategoryRevenue(s.label(), s.net(), s.gross(), s.refunds(), s.units(), before,
                            Comparison.changePercent(s.net(), before));
                })
                .sorted(Comparator.comparing(CategoryRevenue::totalRevenue).reversed().thenComparing(CategoryRevenue::categoryName))
                .toList();
    }

    public List<CountryRevenue> revenueByCountry(LocalDate start, LocalDate end, Comparison compare) {
        Map<Object, Sum> current = sums(COUNTRY, start, end, null);
        Map<Object, Sum> previous = previous(COUNTRY, start, end, compare);
        Map<String, Long> orders = ordersByCountry(start, end);
        return current.values().stream()
                .map(s -> {
                    BigDecimal before = previous == null ? null : net(previous.get(s.label()));
                    return new CountryRevenue(s.label(), s.net(), s.gross(), s.refunds(), s.units(),
                            orders.getOrDefault(s.label(), 0L), before, Comparison.changePercent(s.net(), before));
                })
                .sorted(Comparator.comparing(CountryRevenue::totalRevenue).reversed().thenComparing(CountryRevenue::country))
                .toList();
    }

    public List<ProductRevenue> revenueByProduct(LocalDate start, LocalDate end, Comparison compare, int limit) {
        Map<Object, Object[]> details = new LinkedHashMap<>();
        Map<Object, Sum> current = sums(PRODUCT, start, end, details);
        Map<Object, Sum> previous = previous(PRODUCT, start, end, compare);
        return current.entrySet().stream()
                .map(e -> {
                    Sum s = e.getValue();
                    Object[] product = details.get(e.getKey());
                    BigDecimal before = previous == null ? null : net(previous.get(e.getKey()));
                    return new ProductRevenue((Long) e.getKey(), (String) product[0], (String) product[1],
                            (String) product[2], s.net(), s.gross(), s.refunds(), s.units(), s.orders(), before,
                            Comparison.changePercent(s.net(), before));
                })
                .sorted(Comparator.comparing(ProductRevenue::totalRevenue).reversed().thenComparingLong(ProductRevenue::id))
                .limit(limit)
                .toList();
    }

    public List<ProductSales> topSellingProducts(CountryCode country, LocalDate start, LocalDate end, int limit,
                                                 Comparison compare) {
        Map<Object, Object[]> details = new LinkedHashMap<>();
        Map<Object, Sum> current = sums(PRODUCT, start, end, details, country);
        Comparison.Range before = compare == null ? null : compare.of(start, end);
        Map<Object, Sum> previous = before == null ? null : sums(PRODUCT, before.start(), before.end(), null, country);
        return current.entrySet().stream()
                .filter(e -> e.getValue().units() > 0)
                .sorted(Comparator.comparingLong((Map.Entry<Object, Sum> e) -> e.getValue().units()).reversed()
                        .thenComparingLong(e -> (Long) e.getKey()))
                .limit(limit)
                .map(e -> {
                    Sum s = e.getValue();
                    Object[] product = details.get(e.getKey());
                    Long sold = previous == null ? null : units(previous.get(e.getKey()));
                    return new ProductSales((Long) e.getKey(), (String) product[0], (String) product[1], s.units(),
                            s.net(), s.gross(), s.refunds(), sold,
                            sold == null ? null : Comparison.changePercent(BigDecimal.valueOf(s.units()), BigDecimal.valueOf(sold)));
                })
                .toList();
    }

    /** How rows are grouped: the SQL that names a group, and how its key and label are read. */
    private record Grouping(String select, String joins, String groupBy, Function<Object[], Object> key,
                            Function<Object[], String> label) {
    }

    private static final Grouping CATEGORY = new Grouping("c.name", "JOIN product p ON p.id = s.product_id "
            + "JOIN category c ON c.id = p.category_id", "c.id, c.name", row -> row[0], row -> (String) row[0]);
    private static final Grouping COUNTRY = new Grouping("s.country", "", "s.country", row -> row[0], row -> (String) row[0]);
    private static final Grouping PRODUCT = new Grouping("s.product_id, p.name, p.sku, c.name", "JOIN product p ON "
            + "p.id = s.product_id JOIN category c ON c.id = p.category_id", "s.product_id, p.name, p.sku, c.name",
            row -> SqlValues.whole(row[0]), row -> (String) row[1]);

    private Map<Object, Sum> previous(Grouping grouping, LocalDate start, LocalDate end, Comparison compare) {
        if (compare == null) {
            return null;
        }
        Comparison.Range range = compare.of(start, end);
        return sums(grouping, range.start(), range.end(), null);
    }

    private Map<Object, Sum> sums(Grouping grouping, LocalDate start, LocalDate end, Map<Object, Object[]> details) {
        return sums(grouping, start, end, details, null);
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Sum> sums(Grouping grouping, LocalDate start, LocalDate end, Map<Object, Object[]> details,
                                  CountryCode country) {
        int measures = grouping.select().split(",").length;
        var query = em.createNativeQuery("SELECT " + grouping.select() + ", SUM(s.gross), SUM(s.refunds), SUM(s.units), "
                        + "SUM(s.orders) FROM sales_daily s " + grouping.joins()
                        + " WHERE s.sale_date >= ? AND s.sale_date <= ?" + (country == null ? "" : " AND s.country = ?")
                        + " GROUP BY " + grouping.groupBy())
                .setParameter(1, start).setParameter(2, end);
        if (country != null) {
            query.setParameter(3, country.value());
        }
        Map<Object, Sum> sums = new LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            Sum sum = new Sum(grouping.label().apply(row), money(row[measures]), money(row[measures + 1]),
                    SqlValues.whole(row[measures + 2]), SqlValues.whole(row[measures + 3]));
            if (sum.units() == 0 && sum.refunds().signum() == 0 && sum.gross().signum() == 0) {
                continue;
            }
            Object key = grouping.key().apply(row);
            sums.put(key, sum);
            if (details != null) {
                details.put(key, new Object[] {row[1], row[2], row[3]});
            }
        }
        return sums;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> ordersByCountry(LocalDate start, LocalDate end) {
        Map<String, Long> orders = new LinkedHashMap<>();
        ((List<Object[]>) em.createNativeQuery("SELECT country, SUM(orders) FROM orders_daily "
                        + "WHERE sale_date >= ? AND sale_date <= ? GROUP BY country")
                .setParameter(1, start).setParameter(2, end).getResultList())
                .forEach(row -> orders.put((String) row[0], SqlValues.whole(row[1])));
        return orders;
    }

    private static BigDecimal net(Sum sum) {
        return sum == null ? BigDecimal.ZERO.setScale(2) : sum.net();
    }

    private static Long units(Sum sum) {
        return sum == null ? 0L : sum.units();
    }

    static BigDecimal money(Object value) {
        return SqlValues.decimal(value).setScale(2, RoundingMode.HALF_UP);
    }
}
