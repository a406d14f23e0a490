package com.ecommerce.analytics.stockplanning.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ecommerce.analytics.analytics.control.Comparison;
import com.ecommerce.analytics.analytics.control.Measures;
import com.ecommerce.analytics.analytics.control.ProductSalesReader;
import com.ecommerce.analytics.platform.rest.Page;
import com.ecommerce.analytics.platform.rest.PageRequest;
import com.ecommerce.analytics.platform.rest.SortOrder;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Stock value now, and gross margin over a range, by product and by category. Reads only. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StockValues {

    public static final Map<String, String> MARGIN_ORDERING = Map.of("gross_margin", "grossMargin",
            "gross_margin_rate", "grossMarginRate", "net_revenue", "netRevenue", "units_sold", "unitsSold",
            "product", "id");

    @Inject
    StockFacts facts;

    @Inject
    ProductSalesReader sales;

    public StockValueReport byCategory(LocalDate start, LocalDate end, Long category) {
        Map<Long, Measures> sold = sales.byProduct(new Comparison.Range(start, end), null);
        Map<Long, CategoryTally> categories = new LinkedHashMap<>();
        CategoryTally store = new CategoryTally(null, null);
        for (ProductStock product : facts.allProducts(category)) {
            Measures measures = sold.getOrDefault(product.product(), Measures.NONE);
            if (!product.onSaleOrStocked() && measures.isZero()) {
                continue;
            }
            categories.computeIfAbsent(product.category(), id -> new CategoryTally(id, product.categoryName()))
                    .add(product, measures);
            store.add(product, measures);
        }
        return new StockValueReport(start, end, store.value(), categories.values().stream().map(CategoryTally::value)
                .sorted(Comparator.comparing(CategoryValue::categoryName)).toList());
    }

    public Page<ProductMargin> margins(LocalDate start, LocalDate end, Long category, SortOrder order, PageRequest page) {
        Map<Long, Measures> sold = sales.byProduct(new Comparison.Range(start, end), null);
        List<ProductMargin> margins = new ArrayList<>();
        for (ProductStock product : facts.allProducts(category)) {
            Measures measures = sold.get(product.product());
            if (measures != null && !measures.isZero()) {
                margins.add(ProductMargin.of(product, measures));
            }
        }
        margins.sort(comparator(order));
        return Page.of(margins, page);
    }

    /** Unknown margins last, whichever the direction. */
    private static Comparator<ProductMargin> comparator(SortOrder order) {
        Comparator<ProductMargin> comparator = (a, b) -> 0;
        for (SortOrder.Key key : order.keys()) {
            Comparator<ProductMargin> next = switch (key.attribute()) {
                case "grossMargin" -> Comparator.comparing(ProductMargin::grossMargin, nullsLast(key.ascending()));
                case "grossMarginRate" -> Comparator.comparing(ProductMargin::grossMarginRate, nullsLast(key.ascending()));
                case "netRevenue" -> directed(Comparator.comparing(ProductMargin::netRevenue), key.ascending());
                case "unitsSold" -> directed(Comparator.comparingLong(ProductMargin::unitsSold), key.ascending());
                default -> directed(Comparator.comparingLong(ProductMargin::product), key.ascending());
            };
            comparator = comparator.thenComparing(next);
        }
        return comparator;
    }

    private static <T extends Comparable<T>> Comparator<T> nullsLast(boolean ascending) {
        return Comparator.nullsLast(ascending ? Comparator.<T>naturalOrder() : Comparator.<T>reverseOrder());
    }

    private static <T> Comparator<T> directed(Comparator<T> comparator, boolean ascending) {
        return ascending ? comparator : comparator.reversed();
    }

    /** One category's (or the store's) sums, values at cost only over the products that have a cost price. */
    private static final class CategoryTally {
        private final Long category;
        private final String name;
        private long products;
        private long unitsOnHand;
        private long withoutCost;
        private long unitsSold;
        private BigDecimal atCost;
        private BigDecimal atPrice = BigDecimal.ZERO.setScale(2);
        private BigDecimal revenue = BigDecimal.ZERO.setScale(2);
        private BigDecimal revenueWithoutCost = BigDecimal.ZERO.setScale(2);
        private BigDecimal costOfGoods;

        CategoryTally(Long category, String name) {
            this.category = category;
            this.name = name;
        }

        void add(ProductStock product, Measures sold) {
            if (product.onSaleOrStocked()) {
                products++;
            }
            unitsOnHand += product.onHand();
            atPrice = atPrice.add(product.price().multiply(BigDecimal.valueOf(product.onHand())));
            ProductMargin margin = ProductMargin.of(product, sold);
            unitsSold += margin.unitsSold();
            revenue = revenue.add(margin.netRevenue());
            if (product.costPrice() == null) {
                withoutCost++;
                revenueWithoutCost = revenueWithoutCost.add(margin.netRevenue());
                return;
            }
            atCost = plus(atCost, product.costPrice().multiply(BigDecimal.valueOf(product.onHand())));
            costOfGoods = plus(costOfGoods, margin.costOfGoodsSold());
        }

        CategoryValue value() {
            BigDecimal margin = costOfGoods == null ? null : revenue.subtract(revenueWithoutCost).subtract(costOfGoods);
            return new CategoryValue(category, name, products, unitsOnHand, money(atCost), money(atPrice), withoutCost,
                    unitsSold, revenue, revenueWithoutCost, money(costOfGoods), money(margin),
                    ProductMargin.rate(margin, revenue.subtract(revenueWithoutCost)));
        }

        private static BigDecimal plus(BigDecimal sum, BigDecimal value) {
            return sum == null ? value : sum.add(value);
        }

        private static BigDecimal money(BigDecimal value) {
            return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
        }
    }
}
