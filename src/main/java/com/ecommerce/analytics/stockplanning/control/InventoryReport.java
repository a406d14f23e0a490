package com.ecommerce.analytics.stockplanning.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.ecommerce.analytics.analytics.control.Comparison;
import com.ecommerce.analytics.analytics.control.Measures;
import com.ecommerce.analytics.analytics.control.ProductSalesReader;
import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.platform.rest.Page;
import com.ecommerce.analytics.platform.rest.PageRequest;
import com.ecommerce.analytics.platform.rest.SortOrder;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The buyer's inventory report: every product on sale or in stock, its cover, forecast, reorder point and status,
 * computed per request from the stock on hand now, the sales aggregates of the window and the demand forecast in
 * use. Reads only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class InventoryReport {

    public static final Map<String, String> ORDERING = Map.of("urgency", "urgency", "product", "id",
            "days_of_cover", "daysOfCover", "on_hand", "onHand", "units_sold", "unitsSold",
            "forecast_units", "forecastUnits", "reorder_quantity", "reorderQuantity",
            "stock_value_at_cost", "stockValueAtCost", "stock_value_at_price", "stockValueAtPrice");

    /** Only one category's products, only products sold to one country in the window, only some statuses. */
    public record Filter(Long category, CountryCode country, Set<StockStatus> statuses) {
    }

    @Inject
    StockFacts facts;

    @Inject
    ProductSalesReader sales;

    @Inject
    DemandForecasts forecasts;

    @Inject
    StoreCalendar calendar;

    @Inject
    StockPlanningSettings settings;

    public PlanningTerms terms(Integer windowDays, Integer horizonDays, Integer overstockDays) {
        return new PlanningTerms(calendar.today(), windowDays, horizonDays,
                overstockDays != null ? overstockDays : settings.overstockDays(), settings.reviewDays(),
                settings.leadTimeDays(), settings.serviceLevel());
    }

    public Page<StockPosition> page(Filter filter, PlanningTerms terms, SortOrder order, PageRequest page) {
        List<StockPosition> positions = positions(filter, terms);
        positions.sort(comparator(order));
        return Page.of(positions, page);
    }

    /** The lines to order, most urgent first, with totals over all of them. */
    public ReorderSuggestions reorder(Filter filter, PlanningTerms terms, PageRequest page) {
        List<StockPosition> lines = new ArrayList<>(positions(filter, terms).stream()
                .filter(position -> position.reorderQuantity() > 0).toList());
        lines.sort(URGENCY);
        return ReorderSuggestions.of(terms.today(), lines, Page.of(lines, page).items());
    }

    public List<StockPosition> positions(Filter filter, PlanningTerms terms) {
        Comparison.Range window = new Comparison.Range(terms.windowStart(), terms.today());
        Map<Long, Measures> sold = sales.byProduct(window, null);
        Map<Long, Measures> soldInCountry = filter.country() == null ? null : sales.byProduct(window, filter.country());
        DemandForecasts.InUse model = forecasts.inUse();
        List<StockPosition> positions = new ArrayList<>();
        for (ProductStock stock : facts.products(filter.category())) {
            Long countryUnits = null;
            if (soldInCountry != null) {
                Measures there = soldInCountry.get(stock.product());
                if (there == null || there.units() <= 0) {
                    continue;
                }
                countryUnits = there.units() - there.refundedUnits();
            }
            StockPosition position = StockPositions.of(stock, sold.getOrDefault(stock.product(), Measures.NONE),
                    countryUnits, model.byProduct().get(stock.product()), terms);
            if (filter.statuses().isEmpty() || filter.statuses().contains(position.stockStatus())) {
                positions.add(position);
            }
        }
        return positions;
    }

    static Comparator<StockPosition> comparator(SortOrder order) {
        Comparator<StockPosition> comparator = null;
        for (SortOrder.Key key : order.keys()) {
            Comparator<StockPosition> next = key.attribute().equals("urgency") ? URGENCY : by(key.attribute());
            next = key.ascending() ? next : next.reversed();
            if (NULLABLE.containsKey(key.attribute())) {
                next = nullsLast(NULLABLE.get(key.attribute()), key.ascending());
            }
            comparator = comparator == null ? next : comparator.thenComparing(next);
        }
        return comparator == null ? URGENCY : comparator;
    }

    /**
     * Status first (stock-outs, then risks, then money tied up); risks and the rest by the soonest stock-out, the
     * fastest sellers first among equals; overstock and dead stock by the money they hold.
     */
    public static final Comparator<StockPosition> URGENCY = Comparator.comparing(StockPosition::stockStatus)
            .thenComparing(position -> position.stockStatus() == StockStatus.OVERSTOCK
                            || position.stockStatus() == StockStatus.DEAD ? position.stockValueAtPrice().negate()
                            : BigDecimal.ZERO)
            .thenComparing(StockPosition::daysOfCover, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Comparator.comparingDouble(StockPosition::unitsPerDay).reversed())
            .thenComparingLong(StockPosition::product);

    private static Comparator<StockPosition> by(String attribute) {
        return switch (attribute) {
            case "id" -> Comparator.comparingLong(StockPosition::product);
            case "onHand" -> Comparator.comparingLong(StockPosition::onHand);
            case "unitsSold" -> Comparator.comparingLong(StockPosition::unitsSold);
            case "forecastUnits" -> Comparator.comparingDouble(StockPosition::forecastUnits);
            case "reorderQuantity" -> Comparator.comparingLong(StockPosition::reorderQuantity);
            case "stockValueAtPrice" -> Comparator.comparing(StockPosition::stockValueAtPrice);
            default -> (a, b) -> 0;
        };
    }

    /** Values that may be unknown: unknown ones come last whichever the direction. */
    private static final Map<String, Function<StockPosition, Comparable>> NULLABLE = Map.of(
            "daysOfCover", StockPosition::daysOfCover, "stockValueAtCost", StockPosition::stockValueAtCost);

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<StockPosition> nullsLast(Function<StockPosition, Comparable> value, boolean ascending) {
        Comparator<Comparable> order = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        return Comparator.comparing(value, Comparator.nullsLast(order));
    }
}
