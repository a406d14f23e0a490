package com.ecommerce.analytics.stockplanning.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;

import com.ecommerce.analytics.analytics.control.Measures;
import com.ecommerce.analytics.stockplanning.forecast.Forecast;

/** A product's report line from its stock, its sales in the window and its forecast. */
final class StockPositions {

    static final String WINDOW_AVERAGE = "window_average";

    private StockPositions() {
    }

    /**
     * @param sold     the product's sales in the window (Measures.NONE without any)
     * @param forecast the model's forecast, or null for a product it has not seen: then the window's rate, with a
     *                 Poisson spread (the square root of the weekly units) for its errors
     */
    static StockPosition of(ProductStock stock, Measures sold, Long soldInCountry, Forecast forecast, PlanningTerms terms) {
        long netUnits = sold.units() - sold.refundedUnits();
        double perDay = Math.max(0, netUnits) / (double) terms.windowDays();
        Forecast used = forecast != null ? forecast : windowAverage(perDay);
        ReplenishmentPolicy policy = new ReplenishmentPolicy(
                stock.leadTimeDays() != null ? stock.leadTimeDays() : terms.defaultLeadTimeDays(),
                (stock.serviceLevel() != null ? stock.serviceLevel() : terms.defaultServiceLevel()).doubleValue(),
                terms.reviewDays());
        OptionalDouble cover = used.daysOfCover(stock.onHand(), PlanningTerms.COVER_SEARCHED_DAYS);
        Double daysOfCover = cover.isPresent() ? round(cover.getAsDouble(), 1) : null;
        long reorderPoint = policy.reorderPoint(used);
        long reorderQuantity = policy.reorderQuantity(used, stock.onHand());
        StockStatus status = StockStatus.of(stock.onHand(), reorderPoint, sold.units(), daysOfCover, terms.overstockDays());
        return new StockPosition(stock.product(), stock.sku(), stock.name(), stock.category(), stock.categoryName(),
                status.code(), stock.onHand(), netUnits, round(perDay, 3), soldInCountry, terms.windowDays(),
                round(used.unitsOver(terms.horizonDays()), 1), terms.horizonDays(), used.method(), daysOfCover,
                daysOfCover == null ? null : terms.today().plusDays((long) Math.floor(daysOfCover)),
                sellThrough(netUnits, stock.onHand()), policy.leadTimeDays(),
                BigDecimal.valueOf(policy.serviceLevel()).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros(),
                policy.safetyStock(used), reorderPoint, reorderQuantity, stock.price(), stock.costPrice(),
                times(stock.costPrice(), stock.onHand()), times(stock.price(), stock.onHand()),
                times(stock.costPrice(), reorderQuantity));
    }

    static Forecast windowAverage(double unitsPerDay) {
        double weekly = unitsPerDay * 7;
        double[] weeks = new double[52];
        java.util.Arrays.fill(weeks, weekly);
        return new Forecast(WINDOW_AVERAGE, weeks, Math.sqrt(weekly));
    }

    private static Double sellThrough(long netUnits, long onHand) {
        long sold = Math.max(0, netUnits);
        return sold + onHand == 0 ? null : round(sold / (double) (sold + onHand), 4);
    }

    private static BigDecimal times(BigDecimal unitValue, long units) {
        return unitValue == null ? null : unitValue.multiply(BigDecimal.valueOf(units)).setScale(2, RoundingMode.HALF_UP);
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
