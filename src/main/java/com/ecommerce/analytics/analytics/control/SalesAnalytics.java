package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.platform.money.InStoreCurrency;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

/**
 * Revenue broken down by category, country and product, and the top sellers of a country, from the
 * aggregates, never from the order lines: products and categories from the daily rows and their rollups, countries from
 * the day x country rows. Revenue is quantity x unit price of orders that are not canceled, net of the
 * refunds dated in the range. Native SQL over the aggregate tables lives in this package only.
 */
@Stateless
public class SalesAnalytics {

    /**
     * orders: the orders that bought from the category, each once; orderLines: their lines of its products.
     * Products count in their current category.
     */
    public record CategoryRevenue(String categoryName, BigDecimal totalRevenue, BigDecimal grossSales,
                                  BigDecimal refunds, long unitsSold, long orders, long orderLines,
                                  BigDecimal previousTotalRevenue, BigDecimal changePercent)
                                          implements InStoreCurrency {
    }

    public record CountryRevenue(String country, BigDecimal totalRevenue, BigDecimal grossSales, BigDecimal refunds,
                                 long unitsSold, long orders, BigDecimal previousTotalRevenue, BigDecimal changePercent)
                                         implements InStoreCurrency {
    }

    public record ProductRevenue(long id, String name, @JsonbProperty("SKU") String sku, String categoryName,
                                 BigDecimal totalRevenue, BigDecimal grossSales, BigDecimal refunds, long unitsSold,
                                 long orders, BigDecimal previousTotalRevenue, BigDecimal changePercent)
                                         implements InStoreCurrency {
    }

    public record ProductSales(long id, String name, @JsonbProperty("SKU") String sku, long totalSales, BigDecimal revenue,
                               BigDecimal grossSales, BigDecimal refunds, Long previousTotalSales,
                               BigDecimal changePercent) implements InStoreCurrency {
    }

    private record ProductDetails(long id, String name, String sku, String categoryName) {
        static ProductDetails of(SqlRow row) {
            return new ProductDetails(row.whole(0), row.text(1), row.text(2), row.text(3));
        }
    }

    private record CategoryOrders(String category, long orders) {
        static CategoryOrders of(SqlRow row) {
            return new CategoryOrders(row.text(0), row.whole(1));
        }
    }

    private record CountrySales(String country, Measures measures) {
        static CountrySales of(SqlRow row) {
            return new CountrySales(row.text(0),
                    new Measures(row.whole(1), row.decimal(2), row.whole(3), row.whole(4), row.decimal(5)));
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    ProductSalesReader products;

    public List<CategoryRevenue> revenueByCategory(LocalDate start, LocalDate end, Comparison compare) {
        Map<String, Measures> current = products.byCategory(new Comparison.Range(start, end));
        Map<String, Measures> previous = compare == null ? null : products.byCategory(compare.of(start, end));
        Map<String, Long> orders = categoryOrders(start, end);
        return current.entrySet().stream()
                .map(e -> {
                    Measures s = e.getValue();
                    BigDecimal before = previous == null ? null : net(previous.get(e.getKey()));
                    return new CategoryRevenue(e.getKey(), money(s.net()), money(s.gross()), money(s.refunds()),
                            s.units(), orders.getOrDefault(e.getKey(), 0L), s.orders(), before,
                            Comparison.changePercent(s.net(), before));
                })
                .sorted(Comparator.comparing(CategoryRevenue::totalRevenue).reversed().thenComparing(CategoryRevenue::categoryName))
                .toList();
    }

    public List<CountryRevenue> revenueByCountry(LocalDate start, LocalDate end, Comparison compare) {
        Map<String, Measures> current = byCountry(new Comparison.Range(start, end));
        Map<String, Measures> previous = compare == null ? null : byCountry(compare.of(start, end));
        return current.entrySet().stream()
                .map(e -> {
                    Measures s = e.getValue();
                    BigDecimal before = previous == null ? null : net(previous.get(e.getKey()));
                    return new CountryRevenue(e.getKey(), money(s.net()), money(s.gross()), money(s.refunds()), s.units(),
                            s.orders(), before, Comparison.changePercent(s.net(), before));
                })
                .sorted(Comparator.comparing(CountryRevenue::totalRevenue).reversed().thenComparing(CountryRevenue::country))
                .toList();
    }

    public List<ProductRevenue> revenueByProduct(LocalDate start, LocalDate end, Comparison compare, int limit) {
        Map<Long, Measures> current = products.byProduct(new Comparison.Range(start, end), null);
        Map<Long, Measures> previous = compare == null ? null : products.byProduct(compare.of(start, end), null);
        List<Map.Entry<Long, Measures>> top = current.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Long, Measures> e) -> e.getValue().net()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .toList();
        Map<Long, ProductDetails> products = details(top);
        return top.stream().map(e -> {
            Measures s = e.getValue();
            ProductDetails product = products.get(e.getKey());
            BigDecimal before = previous == null ? null : net(previous.get(e.getKey()));
            return new ProductRevenue(e.getKey(), product.name(), product.sku(), product.categoryName(),
                    money(s.net()), money(s.gross()), money(s.refunds()), s.units(), s.orders(), before,
                    Comparison.changePercent(s.net(), before));
        }).toList();
    }

    public List<ProductSales> topSellingProducts(CountryCode country, LocalDate start, LocalDate end, int limit,
                                                 Comparison compare) {
        Map<Long, Measures> current = products.byProduct(new Comparison.Range(start, end), country);
        Map<Long, Measures> previous = compare == null ? null : products.byProduct(compare.of(start, end), country);
        List<Map.Entry<Long, Measures>> top = current.entrySet().stream()
                .filter(e -> e.getValue().units() > 0)
                .sorted(Comparator.comparingLong((Map.Entry<Long, Measures> e) -> e.getValue().units()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .toList();
        Map<Long, ProductDetails> products = details(top);
        return top.stream().map(e -> {
            Measures s = e.getValue();
            ProductDetails product = products.get(e.getKey());
            Long sold = previous == null ? null : previous.getOrDefault(e.getKey(), Measures.NONE).units();
            return new ProductSales(e.getKey(), product.name(), product.sku(), s.units(), money(s.net()),
                    money(s.gross()), money(s.refunds()), sold,
                    sold == null ? null : Comparison.changePercent(BigDecimal.valueOf(s.units()), BigDecimal.valueOf(sold)));
        }).toList();
    }

    /** How many orders bought from each category in the range, by category name. */
    private Map<String, Long> categoryOrders(LocalDate start, LocalDate end) {
        Map<String, Long> orders = new HashMap<>();
        SqlRow.read(em.createNativeQuery("SELECT c.name, SUM(d.orders) FROM category_daily d JOIN category c "
                        + "ON c.id = d.category_id WHERE d.sale_date >= ? AND d.sale_date <= ? GROUP BY c.name")
                .setParameter(1, start).setParameter(2, end), CategoryOrders::of)
                .forEach(category -> orders.put(category.category(), category.orders()));
        return orders;
    }

    /** Each country's sales in the range, from the day x country rows; orders are whole orders. */
    private Map<String, Measures> byCountry(Comparison.Range range) {
        Map<String, Measures> countries = new HashMap<>();
        for (CountrySales sales : SqlRow.read(em.createNativeQuery("SELECT country, SUM(units), SUM(gross), SUM(orders), "
                        + "SUM(refunded_units), SUM(refunds) FROM country_daily WHERE sale_date >= ? AND sale_date <= ? "
                        + "GROUP BY country")
                .setParameter(1, range.start()).setParameter(2, range.end()), CountrySales::of)) {
            if (!sales.measures().isZero()) {
                countries.put(sales.country(), sales.measures());
            }
        }
        return countries;
    }

    /** id, name, SKU and category name of the listed products. */
    private Map<Long, ProductDetails> details(List<Map.Entry<Long, Measures>> listed) {
        Map<Long, ProductDetails> products = new HashMap<>();
        if (listed.isEmpty()) {
            return products;
        }
        List<Long> ids = listed.stream().map(Map.Entry::getKey).toList();
        Query query = em.createNativeQuery("SELECT p.id, p.name, p.sku, c.name FROM product p "
                + "JOIN category c ON c.id = p.category_id WHERE p.id IN (" + "?, ".repeat(ids.size() - 1) + "?)");
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 1, ids.get(i));
        }
        SqlRow.read(query, ProductDetails::of).forEach(product -> products.put(product.id(), product));
        return products;
    }

    private static BigDecimal net(Measures measures) {
        return money(measures == null ? BigDecimal.ZERO : measures.net());
    }

    static BigDecimal money(Object value) {
        return SqlValues.decimal(value).setScale(2, RoundingMode.HALF_UP);
    }
}
